package io.tributary.api.tenancy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API key: only the SHA-256 of its token is stored. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    private UUID id;
    private UUID userId;
    private String name;
    private String prefix;
    private String tokenHash;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(UUID id, UUID userId, String name, String prefix, String tokenHash, Instant now) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.prefix = prefix;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public void used(Instant now) {
        lastUsedAt = now;
    }

    public boolean isRevoked() { return revokedAt != null; }
    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public String getName() { return name; }
    public String getPrefix() { return prefix; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
}
