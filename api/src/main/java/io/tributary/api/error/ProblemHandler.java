package io.tributary.api.error;

import io.tributary.provisioning.instance.IllegalTransitionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The one place errors become responses: RFC 9457 problem+json with a stable code. Messages
 * are written here for the user; exception texts of libraries never reach a response.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return Problems.response(e.code(), e.getMessage(), request, e.fieldErrors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldProblem(f.getField(), describe(f)))
                .toList();
        ApiException problem = ApiException.invalid(errors);
        return Problems.response(problem.code(), problem.getMessage(), request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiException.FieldProblem(
                        r.getMethodParameter().getParameterName() == null ? "parameter" : parameterName(r),
                        err.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return Problems.response(ErrorCode.INVALID_PARAMETER, detail, request, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiException.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return Problems.response(ErrorCode.INVALID_PARAMETER, detail, request, errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : expectedName(e.getRequiredType());
        String detail = e.getName() + " must be " + expected;
        return Problems.response(ErrorCode.INVALID_PARAMETER, detail, request,
                List.of(new ApiException.FieldProblem(e.getName(), "must be " + expected)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return Problems.response(ErrorCode.INVALID_PARAMETER, e.getParameterName() + " is required", request,
                List.of(new ApiException.FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return Problems.response(ErrorCode.PAYLOAD_TOO_LARGE, "the body may be at most 1 MiB", request, List.of());
            }
        }
        if (cause instanceof InvalidFormatException f) {
            String field = path(f);
            String message = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants())
                    : "must be " + expectedName(f.getTargetType());
            return Problems.response(ErrorCode.VALIDATION_FAILED, field + ": " + message, request,
                    List.of(new ApiException.FieldProblem(field, message)));
        }
        if (cause instanceof MismatchedInputException m && !path(m).isEmpty()) {
            String field = path(m);
            String message = "must be " + expectedName(m.getTargetType());
            return Problems.response(ErrorCode.VALIDATION_FAILED, field + ": " + message, request,
                    List.of(new ApiException.FieldProblem(field, message)));
        }
        if (cause instanceof ValueInstantiationException v && !path(v).isEmpty()) {
            // the generated enums refuse unknown values in their @JsonCreator
            String field = path(v);
            Class<?> type = v.getType() == null ? null : v.getType().getRawClass();
            String message = "must be " + expectedName(type);
            return Problems.response(ErrorCode.VALIDATION_FAILED, field + ": " + message, request,
                    List.of(new ApiException.FieldProblem(field, message)));
        }
        if (cause instanceof JacksonException j) {
            String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr()
                    + ", column " + j.getLocation().getColumnNr();
            return Problems.response(ErrorCode.MALFORMED_REQUEST, "the body is not valid JSON" + where, request, List.of());
        }
        return Problems.response(ErrorCode.MALFORMED_REQUEST, "a JSON body is required", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "send the body as application/json (got " + e.getContentType() + ")", request, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return ResponseEntity.status(ErrorCode.NOT_ACCEPTABLE.status()).build();
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<Object> problem = Problems.response(ErrorCode.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not supported here", request, List.of());
        // RFC 9110: a 405 names the methods the resource has
        return e.getSupportedHttpMethods() == null ? problem
                : ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                        .allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
                        .body(problem.getBody());
    }

    /** Tomcat refuses a query it cannot parse (a parameter without a name, a bad %-escape) when it is read. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> unparsableQuery(Exception e, HttpServletRequest request) {
        return Problems.response(ErrorCode.INVALID_PARAMETER,
                "the query string is malformed: every parameter needs a name, and % must start an escape like %20",
                request, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return Problems.response(ErrorCode.NOT_FOUND, "no such path", request, List.of());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Object> transition(IllegalTransitionException e, HttpServletRequest request) {
        return Problems.response(ErrorCode.INVALID_STATE, e.getMessage(), request, List.of());
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrent(Exception e, HttpServletRequest request) {
        return Problems.response(ErrorCode.INVALID_STATE, "the resource changed while the request ran; try again",
                request, List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(ErrorCode.INTERNAL_ERROR, "the request could not be completed; it has been logged",
                request, List.of());
    }

    private static String describe(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    private static String parameterName(org.springframework.validation.method.ParameterValidationResult r) {
        var name = r.getMethodParameter().getParameterName();
        var requestParam = r.getMethodParameter().getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        return requestParam != null && !requestParam.value().isEmpty() ? requestParam.value() : name;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectedName(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
