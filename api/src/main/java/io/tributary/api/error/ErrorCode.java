package io.tributary.api.error;

import org.springframework.http.HttpStatus;

/** Every error the API gives: a stable code, its HTTP status and a title. */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request is invalid"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request body could not be read"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "A request parameter is invalid"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "A valid API key is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Your role does not allow this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "The requested media type is not available"),
    NAME_TAKEN(HttpStatus.CONFLICT, "The name is already taken"),
    INVALID_STATE(HttpStatus.CONFLICT, "The resource's current state does not allow this"),
    DELETION_PROTECTED(HttpStatus.CONFLICT, "The instance is protected from deletion"),
    LAST_OWNER(HttpStatus.CONFLICT, "A project needs at least one owner"),
    QUOTA_EXCEEDED(HttpStatus.CONFLICT, "The project's quota does not allow this"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json"),
    KAFKA_REJECTED(HttpStatus.BAD_REQUEST, "Kafka refused the request"),
    GROUP_ACTIVE(HttpStatus.CONFLICT, "The consumer group has active members"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The instance's brokers did not answer in time"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many changes; retry later"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred"),
    AUDIT_UNAVAILABLE(HttpStatus.INTERNAL_SERVER_ERROR, "The change could not be audited, so it was not made");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem {@code type} URI. */
    public String type() {
        return "https://tributary.io/problems/" + name().toLowerCase().replace('_', '-');
    }
}
