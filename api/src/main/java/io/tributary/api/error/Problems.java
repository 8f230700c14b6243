package io.tributary.api.error;

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
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

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

    /** Writes a problem straight to the response, where no controller is involved (filters). */
    public static void write(HttpServletResponse response, ErrorCode code, String detail, String instance) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.getOutputStream().write(MAPPER.writeValueAsBytes(of(code, detail, instance, List.of())));
    }
}
