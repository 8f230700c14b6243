package io.tributary.provisioning.reconcile;

/** The order asks for something this release cannot build; retrying will not help. */
public class UnsupportedOrderException extends RuntimeException {

    public UnsupportedOrderException(String message) {
        super(message);
    }
}
