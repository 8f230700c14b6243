package io.tributary.api.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who did what to which resource, when, and whether it worked. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    private UUID id;
    private String actor;
    private UUID projectId;
    private String action;
    private String resourceType;
    private String resourceId;
    private String result;
    private String detail;
    private Instant occurredAt;

    protected AuditEvent() {
    }

    public AuditEvent(String actor, UUID projectId, String action, String resourceType, String resourceId,
                      boolean success, String detail, Instant now) {
        this.id = UUID.randomUUID();
        this.actor = actor;
        this.projectId = projectId;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.result = success ? "SUCCESS" : "FAILURE";
        this.detail = detail;
        this.occurredAt = now;
    }

    public UUID getId() { return id; }
    public String getActor() { return actor; }
    public UUID getProjectId() { return projectId; }
    public String getAction() { return action; }
    public String getResourceType() { return resourceType; }
    public String getResourceId() { return resourceId; }
    public String getResult() { return result; }
    public String getDetail() { return detail; }
    public Instant getOccurredAt() { return occurredAt; }
}
