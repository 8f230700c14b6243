package io.tributary.provisioning.operation;

public enum OperationType {
    CREATE_INSTANCE, DELETE_INSTANCE, ROTATE_CERTIFICATES, RESTART_BROKERS, UPGRADE_KAFKA, SCALE_OUT, SCALE_IN, REBALANCE
}
