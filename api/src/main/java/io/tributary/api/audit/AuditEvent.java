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

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";
    public static final String PENDING = "PENDING";

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
        this(actor, projectId, action, resourceType, resourceId, success ? SUCCESS : FAILURE, detail, now);
    }

    private AuditEvent(String actor, UUID projectId, String action, String resourceType, String resourceId,
                       String result, String detail, Instant now) {
        this.id = UUID.randomUUID();
        this.actor = actor;
        this.projectId = projectId;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.result = result;
        this.detail = detail;
        this.occurredAt = now;
    }

    /** An event written before the change is made; {@link AuditEventRepository#finish} sets its outcome. */
    public static AuditEvent pending(String actor, UUID projectId, String action, String resourceType, String resourceId,
                                     Instant now) {
        return new AuditEvent(actor, projectId, action, resourceType, resourceId, PENDING, "started", now);
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
