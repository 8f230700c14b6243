package io.tributary.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.api.generated.model.FieldErrorDto;
import io.tributary.api.generated.model.ProblemDto;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem documents, for the exception handler and for security filters alike. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** Absent members are left out, as the application's own mapper does ({@code errors} is an array or absent). */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Problems() {
    }

    public static ProblemDto of(ErrorCode code, String detail, String instance, List<ApiException.FieldProblem> errors) {
        ProblemDto problem = new ProblemDto(code.type(), code.title(), code.status().value(), code.name());
        problem.setDetail(detail);
        problem.setInstance(instance);
        if (!errors.isEmpty()) {
            problem.setErrors(errors.stream().map(e -> new FieldErrorDto(e.field(), e.message())).toList());
        }
        return problem;
    }

    public static ResponseEntity<Object> response(ErrorCode code, String detail, HttpServletRequest request,
                                                  List<ApiException.FieldProblem> errors) {
        return ResponseEntity.status(code.status()).contentType(PROBLEM_JSON)
                .body(of(code, detail, request.getRequestURI(), errors));
    }

    /**
     * The code for a status that was set outside the application (the servlet container, the firewall), so that
     * every error the API serves has a code of the catalogue.
     */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.INVALID_STATE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_PARAMETER;
        };
    }

    /** The problem document for {@code status} as JSON text, with that status even where its code has another. */
    public static String json(int status, String detail, String instance) {
        ProblemDto problem = of(codeFor(status), detail, instance, List.of());
        problem.setStatus(status);
        return MAPPER.writeValueAsString(problem);
    }

    /** Writes a problem straight to the response, where no controller is involved (filters). */
    public static void write(HttpServletResponse response, ErrorCode code, String detail, String instance) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.getOutputStream().write(MAPPER.writeValueAsBytes(of(code, detail, instance, List.of())));
    }
}
