package io.tributary.api.tenancy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A tenant: it owns projects and users. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private UUID id;
    private String name;
    private Instant createdAt;

    protected Account() {
    }

    public Account(UUID id, String name, Instant now) {
        this.id = id;
        this.name = name;
        this.createdAt = now;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
}
