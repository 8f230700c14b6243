package io.tributary.agent;

/** The broker could not be started (status FAILED); the message goes into lastError. */
final class BrokerStartException extends Exception {
    BrokerStartException(String message) {
        super(message);
    }

    BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
