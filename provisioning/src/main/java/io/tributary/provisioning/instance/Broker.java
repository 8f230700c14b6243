package io.tributary.provisioning.instance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One broker of an instance: its KRaft node id, zone, roles and the host it runs on. */
@Entity
@Table(name = "brokers")
@IdClass(Broker.Key.class)
public class Broker {

    public static final String BROKER = "broker";
    public static final String CONTROLLER = "controller";

    @Id
    private UUID instanceId;
    @Id
    private int nodeId;
    private String availabilityZone;
    private String roles;
    private UUID hostId;
    private String tlsCertificate;
    @jakarta.persistence.Column(name = "tls_key_enc")
    private String tlsKeyEncrypted;
    // the restart the broker's agent is to make (once): a rolling restart's operation id
    private String restartNonce;
    private boolean pendingRestart;
    private String loginCheckedStart;
    private String loginProblem;

    protected Broker() {
    }

    public Broker(UUID instanceId, int nodeId, String availabilityZone, List<String> roles) {
        this.instanceId = instanceId;
        this.nodeId = nodeId;
        this.availabilityZone = availabilityZone;
        this.roles = String.join(",", roles);
    }

    public UUID getInstanceId() { return instanceId; }
    public int getNodeId() { return nodeId; }
    public String getAvailabilityZone() { return availabilityZone; }
    public List<String> getRoles() { return Arrays.asList(roles.split(",")); }
    public boolean isController() { return getRoles().contains(CONTROLLER); }
    public UUID getHostId() { return hostId; }
    public String getRestartNonce() { return restartNonce; }
    public void setRestartNonce(String restartNonce) { this.restartNonce = restartNonce; }
    /** The host runs an older restart-requiring configuration; the next roll applies the current one. */
    public boolean isPendingRestart() { return pendingRestart; }
    public void setPendingRestart(boolean pendingRestart) { this.pendingRestart = pendingRestart; }
    public void setHostId(UUID hostId) { this.hostId = hostId; }

    /** Primary key: (instance, node id). */
    public String getTlsCertificate() {
        return tlsCertificate;
    }

    public String getTlsKeyEncrypted() {
        return tlsKeyEncrypted;
    }

    public void setTls(String certificatePem, String keyEncrypted) {
        this.tlsCertificate = certificatePem;
        this.tlsKeyEncrypted = keyEncrypted;
    }

    /**
     * The start of the broker process (the agent's {@code pid@startedAt}) whose SASL logins were checked last, and
     * why they failed (null: the probe user logged in with every mechanism of the instance).
     */
    public String getLoginCheckedStart() {
        return loginCheckedStart;
    }

    public String getLoginProblem() {
        return loginProblem;
    }

    /**
     * Which start of the broker process an agent report describes ({@code pid@startedAt} of its {@code broker}
     * part), or null when the report names none.
     */
    public static String startOf(String observedStateJson) {
        if (observedStateJson == null) {
            return null;
        }
        Object broker = io.tributary.provisioning.json.JsonText.read(observedStateJson, java.util.Map.class).get("broker");
        if (!(broker instanceof java.util.Map<?, ?> b) || b.get("startedAt") == null) {
            return null;
        }
        return b.get("pid") + "@" + b.get("startedAt");
    }

    /** Records a login check; false when it changes nothing. */
    public boolean loginChecked(String start, String problem) {
        if (java.util.Objects.equals(start, loginCheckedStart) && java.util.Objects.equals(problem, loginProblem)) {
            return false;
        }
        this.loginCheckedStart = start;
        this.loginProblem = problem;
        return true;
    }

    public static class Key implements Serializable {
        private UUID instanceId;
        private int nodeId;

        public Key() {
        }

        public Key(UUID instanceId, int nodeId) {
            this.instanceId = instanceId;
            this.nodeId = nodeId;
        }

        public UUID instanceId() {
            return instanceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.nodeId == nodeId && java.util.Objects.equals(k.instanceId, instanceId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(instanceId, nodeId);
        }
    }
}
