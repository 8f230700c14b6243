package io.tributary.api.error;

import java.util.List;

/** The one exception base: an {@link ErrorCode}, a detail for the user and optional field errors. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldProblem> fieldErrors;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldProblem> fieldErrors) {
        super(detail);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.FORBIDDEN, detail);
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        return new ApiException(ErrorCode.VALIDATION_FAILED,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> fieldErrors() {
        return fieldErrors;
    }

    public record FieldProblem(String field, String message) {
    }
}
