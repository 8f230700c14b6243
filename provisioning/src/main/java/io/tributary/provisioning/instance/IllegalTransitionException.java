package io.tributary.provisioning.instance;

/** An instance was asked to move to a status its current one does not lead to. */
public class IllegalTransitionException extends RuntimeException {

    private final InstanceStatus from;
    private final InstanceStatus to;

    public IllegalTransitionException(InstanceStatus from, InstanceStatus to) {
        super("an instance that is " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public InstanceStatus from() {
        return from;
    }

    public InstanceStatus to() {
        return to;
    }
}
