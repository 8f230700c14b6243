package io.tributary.provisioning.host;

/** No host can be had right now; the reconciler waits and asks again until the order's deadline. */
public class NoCapacityException extends RuntimeException {

    public NoCapacityException(String message) {
        super(message);
    }
}
