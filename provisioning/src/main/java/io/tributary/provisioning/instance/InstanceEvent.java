package io.tributary.provisioning.instance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something that happened to an instance without a user asking (disk capacity actions). */
@Entity
@Table(name = "instance_events")
public class InstanceEvent {

    public enum Type { DISK_HIGH, OLDEST_DATA_DELETED, PRODUCE_REJECTED, PRODUCE_RESUMED }

    @Id
    private UUID id;
    private UUID instanceId;
    private String type;
    private String message;
    private Integer nodeId;
    private Instant occurredAt;

    protected InstanceEvent() {
    }

    public InstanceEvent(UUID instanceId, Type type, String message, Integer nodeId, Instant now) {
        this.id = UUID.randomUUID();
        this.instanceId = instanceId;
        this.type = type.name();
        this.message = message;
        this.nodeId = nodeId;
        this.occurredAt = now;
    }

    public UUID getId() { return id; }
    public UUID getInstanceId() { return instanceId; }
    public String getType() { return type; }
    public String getMessage() { return message; }
    public Integer getNodeId() { return nodeId; }
    public Instant getOccurredAt() { return occurredAt; }
}
