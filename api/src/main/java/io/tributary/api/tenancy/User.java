package io.tributary.api.tenancy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;
    private UUID accountId;
    private String username;
    private boolean platformAdmin;
    private Instant createdAt;

    protected User() {
    }

    public User(UUID id, UUID accountId, String username, boolean platformAdmin, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.username = username;
        this.platformAdmin = platformAdmin;
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public UUID getAccountId() { return accountId; }
    public String getUsername() { return username; }
    public boolean isPlatformAdmin() { return platformAdmin; }
}
