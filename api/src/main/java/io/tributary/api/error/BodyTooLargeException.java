package io.tributary.api.error;

import java.io.IOException;

/**
 * Thrown while reading a request body past the size limit (by the request-size filter); the
 * problem handler answers 413.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("request body over " + maxBytes + " bytes");
    }
}
