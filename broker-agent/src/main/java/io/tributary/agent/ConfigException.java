package io.tributary.agent;

/** The agent's settings are missing or wrong; the message says which and why. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
