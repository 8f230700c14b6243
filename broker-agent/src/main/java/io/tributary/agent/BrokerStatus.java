package io.tributary.agent;

/**
 * The broker's status as reported in {@code observed-state.broker.status}.
 *
 * <p>Transitions (driven by {@link BrokerSupervisor#reconcile()}):
 * <ul>
 *   <li>{@code STOPPED -> STARTING} a RUN state arrives and the process was launched;
 *       {@code STOPPED -> FAILED} it could not be launched</li>
 *   <li>{@code STARTING -> RUNNING} the client listener accepts connections;
 *       {@code STARTING|RUNNING -> CRASHED} the process exited without being asked to</li>
 *   <li>{@code CRASHED -> STARTING} the restart backoff elapsed and the process was relaunched</li>
 *   <li>{@code FAILED -> STARTING} a retry (after backoff or on a new desired state) launched it</li>
 *   <li>{@code any -> STOPPED} action STOP, or the agent shuts down</li>
 *   <li>{@code RUNNING -> STARTING} a restart for a {@link RestartReason}</li>
 * </ul>
 */
public enum BrokerStatus {
    /** No broker process, and none is wanted (or nothing was assigned yet). */
    STOPPED,
    /** The process runs but its client listener does not accept connections yet. */
    STARTING,
    /** The process runs and its client listener accepts connections. */
    RUNNING,
    /** The process exited without being asked to; a restart is pending with backoff. */
    CRASHED,
    /** The broker could not be started (missing Kafka version, format error, ...); lastError says why. */
    FAILED
}
