package io.tributary.provisioning.kafkauser;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A SASL user of an instance: its name and the SCRAM-SHA-512 form of its password, never the password. */
@Entity
@Table(name = "kafka_users")
@IdClass(KafkaUser.Key.class)
public class KafkaUser {

    /**
     * The platform's probe user of every SASL instance: no ACLs (so it may do nothing but log in), refused to tenants
     * as a name, hidden from their listings; the control plane logs in with it to check each broker's SASL logins.
     */
    public static final String PROBE = "tributary-probe";

    /** Names only the platform may give new users ({@value #PROBE} and any later platform user). */
    public static boolean isReserved(String name) {
        return name != null && name.toLowerCase(java.util.Locale.ROOT).startsWith("tributary-");
    }

    /** The platform's own users, which tenants neither see nor change nor grant anything to. */
    public static boolean isPlatformUser(String name) {
        return PROBE.equals(name);
    }

    @Id
    private UUID instanceId;
    @Id
    private String name;
    private boolean admin;
    private String salt;
    private int iterations;
    private String storedKey;
    private Instant createdAt;
    private Instant passwordChangedAt;

    protected KafkaUser() {
    }

    public KafkaUser(UUID instanceId, String name, boolean admin, ScramCredential credential, Instant now) {
        this.instanceId = instanceId;
        this.name = name;
        this.admin = admin;
        this.createdAt = now;
        apply(credential);
    }

    /** A new password, in its salted form. */
    public void changePassword(ScramCredential credential, Instant now) {
        apply(credential);
        this.passwordChangedAt = now;
    }

    private void apply(ScramCredential credential) {
        this.salt = credential.saltBase64();
        this.iterations = credential.iterations();
        this.storedKey = credential.storedKeyBase64();
    }

    /** The stored salted form (without a password: for re-sending the same salt with a known password). */
    public ScramCredential credential() {
        return new ScramCredential(java.util.Base64.getDecoder().decode(salt), iterations,
                java.util.Base64.getDecoder().decode(storedKey));
    }

    public UUID getInstanceId() { return instanceId; }
    public String getName() { return name; }
    public boolean isAdmin() { return admin; }
    public String getSalt() { return salt; }
    public int getIterations() { return iterations; }
    public String getStoredKey() { return storedKey; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }

    public static class Key implements Serializable {
        private UUID instanceId;
        private String name;

        protected Key() {
        }

        public Key(UUID instanceId, String name) {
            this.instanceId = instanceId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(instanceId, k.instanceId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(instanceId, name);
        }
    }
}
