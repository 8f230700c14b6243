package io.tributary.provisioning.host;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time token with which a pool host's agent registers itself. */
@Entity
@Table(name = "join_tokens")
public class JoinToken {

    @Id
    private UUID id;
    private String tokenHash;
    private String availabilityZone;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant createdAt;

    protected JoinToken() {
    }

    public JoinToken(UUID id, String tokenHash, String availabilityZone, Instant expiresAt, Instant now) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.availabilityZone = availabilityZone;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    public boolean usable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public String getAvailabilityZone() { return availabilityZone; }
    public Instant getExpiresAt() { return expiresAt; }
}
