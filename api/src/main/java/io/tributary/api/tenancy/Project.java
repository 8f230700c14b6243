package io.tributary.api.tenancy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "projects")
public class Project {

    @Id
    private UUID id;
    private UUID accountId;
    private String name;
    private String description;
    private Instant createdAt;

    protected Project() {
    }

    public Project(UUID id, UUID accountId, String name, String description, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.name = name;
        this.description = description;
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public UUID getAccountId() { return accountId; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public Instant getCreatedAt() { return createdAt; }
}
