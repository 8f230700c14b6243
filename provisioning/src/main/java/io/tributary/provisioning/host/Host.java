package io.tributary.provisioning.host;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A machine that runs one broker-agent (and so at most one broker). */
@Entity
@Table(name = "hosts")
public class Host {

    public static final String LOCAL = "local";
    public static final String POOL = "pool";

    @Id
    private UUID id;
    private String provider;
    private String availabilityZone;
    private String address;
    @Enumerated(EnumType.STRING)
    private HostStatus status;
    private UUID instanceId;
    private Integer nodeId;
    private Integer portBase;
    private String agentHome;
    private Long agentPid;
    private String joinTokenHash;
    private Instant joinTokenExpiresAt;
    private String credentialHash;
    private String desiredState;
    private long desiredGeneration;
    private String observedState;
    private Long observedGeneration;
    private String brokerStatus;
    private Instant lastSeenAt;
    private String capacityState;
    private Instant capacityActedAt;
    private Long capacityActedUsedBytes;
    private String wipeNonce;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Host() {
    }

    public Host(UUID id, String provider, String availabilityZone, HostStatus status, Instant now) {
        this.id = id;
        this.provider = provider;
        this.availabilityZone = availabilityZone;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
        this.capacityState = "NORMAL";
    }

    public void assign(UUID instanceId, int nodeId, Instant now) {
        this.instanceId = instanceId;
        this.nodeId = nodeId;
        this.status = credentialHash == null ? HostStatus.PROVISIONING : HostStatus.ASSIGNED;
        this.updatedAt = now;
    }

    /**
     * Gives a pool host back: it leaves the instance at once and is RELEASING until its agent confirms it
     * wiped everything the instance left on it ({@link #observed}). Its desired state becomes a WIPE order that
     * carries nothing of the instance (no keys, users or settings); a missing desired state would not do, since
     * an agent keeps serving what it had. One transaction, so a control plane that dies here either released
     * the host or did not.
     *
     * @param nonce new random value the agent must report back as {@code wiped}
     */
    public void release(String nonce, Instant now) {
        this.instanceId = null;
        this.nodeId = null;
        this.wipeNonce = nonce;
        this.desiredState = "{\"hostId\":\"" + id + "\",\"action\":\"WIPE\",\"wipeNonce\":\"" + nonce + "\"}";
        this.desiredGeneration++;
        this.capacityState = "NORMAL";
        this.capacityActedAt = null;
        this.capacityActedUsedBytes = null;
        this.status = HostStatus.RELEASING;
        this.updatedAt = now;
    }

    public void remove(Instant now) {
        this.status = HostStatus.REMOVED;
        this.credentialHash = null;
        this.joinTokenHash = null;
        this.updatedAt = now;
    }

    public void enrolled(String credentialHash, String address, Instant now) {
        this.credentialHash = credentialHash;
        this.joinTokenHash = null;
        this.joinTokenExpiresAt = null;
        if (address != null && this.address == null) {
            this.address = address;
        }
        if (status != HostStatus.RELEASING) {
            this.status = instanceId == null ? HostStatus.READY : HostStatus.ASSIGNED;
        }
        this.lastSeenAt = now;
        this.updatedAt = now;
    }

    /** Replaces the desired state; the generation moves only when the state really changed. */
    public boolean desire(String state, Instant now) {
        if (state.equals(desiredState)) {
            return false;
        }
        desiredState = state;
        desiredGeneration++;
        updatedAt = now;
        return true;
    }

    /**
     * An agent's report. A RELEASING host whose agent reports the outstanding wipe nonce as done becomes READY,
     * with no desired state left: only now may another instance get it.
     *
     * @param wiped the nonce of the last wipe the agent finished, or {@code null}
     */
    public void observed(String state, long generation, String brokerStatus, String wiped, Instant now) {
        this.observedState = state;
        this.observedGeneration = generation;
        this.brokerStatus = brokerStatus;
        this.lastSeenAt = now;
        if (status == HostStatus.RELEASING) {
            if (wipeNonce != null && wipeNonce.equals(wiped)) {
                wipeNonce = null;
                desiredState = null;
                status = HostStatus.READY;
                updatedAt = now;
            }
            return;
        }
        if (this.status == HostStatus.UNREACHABLE) {
            this.status = instanceId == null ? HostStatus.READY : HostStatus.ASSIGNED;
        }
    }

    /** Whether the agent runs the current desired state and reports its broker up. */
    public boolean brokerConverged() {
        return observedGeneration != null && observedGeneration == desiredGeneration && "RUNNING".equals(brokerStatus);
    }

    public UUID getId() { return id; }
    public String getProvider() { return provider; }
    public String getAvailabilityZone() { return availabilityZone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public HostStatus getStatus() { return status; }
    public UUID getInstanceId() { return instanceId; }
    public Integer getNodeId() { return nodeId; }
    public Integer getPortBase() { return portBase; }
    public void setPortBase(Integer portBase) { this.portBase = portBase; }
    public String getAgentHome() { return agentHome; }
    public void setAgentHome(String agentHome) { this.agentHome = agentHome; }
    public Long getAgentPid() { return agentPid; }
    public void setAgentPid(Long agentPid) { this.agentPid = agentPid; }
    public String getJoinTokenHash() { return joinTokenHash; }
    public Instant getJoinTokenExpiresAt() { return joinTokenExpiresAt; }

    /** A one-time token for the host's agent to enroll with; an enrolled host never gets one again. */
    public void issueJoinToken(String hash, Instant expiresAt) {
        if (credentialHash != null) {
            throw new IllegalStateException("host " + id + " is enrolled; it gets no join token");
        }
        this.joinTokenHash = hash;
        this.joinTokenExpiresAt = expiresAt;
    }

    public String getCredentialHash() { return credentialHash; }
    public String getDesiredState() { return desiredState; }
    public long getDesiredGeneration() { return desiredGeneration; }
    public String getObservedState() { return observedState; }
    public Long getObservedGeneration() { return observedGeneration; }
    public String getBrokerStatus() { return brokerStatus; }
    public Instant getLastSeenAt() { return lastSeenAt; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCapacityState() { return capacityState; }
    public String getWipeNonce() { return wipeNonce; }
    public Instant getCapacityActedAt() { return capacityActedAt; }

    public Long getCapacityActedUsedBytes() { return capacityActedUsedBytes; }

    /** The capacity policy's state changes; its last action stays as it was. */
    public void capacityState(String state) {
        this.capacityState = state;
    }

    /** The capacity policy acts on this broker now, while it reports {@code usedBytes} (null: no report). */
    public void capacityActed(String state, Instant at, Long usedBytes) {
        this.capacityState = state;
        this.capacityActedAt = at;
        this.capacityActedUsedBytes = usedBytes;
    }
}
