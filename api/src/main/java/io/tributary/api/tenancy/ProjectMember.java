package io.tributary.api.tenancy;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "project_members")
@IdClass(ProjectMember.Key.class)
public class ProjectMember {

    @Id
    private UUID projectId;
    @Id
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Instant createdAt;

    protected ProjectMember() {
    }

    public ProjectMember(UUID projectId, UUID userId, Role role, Instant now) {
        this.projectId = projectId;
        this.userId = userId;
        this.role = role;
        this.createdAt = now;
    }

    public UUID getProjectId() { return projectId; }
    public UUID getUserId() { return userId; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }

    public static class Key implements Serializable {
        private UUID projectId;
        private UUID userId;

        public Key() {
        }

        public Key(UUID projectId, UUID userId) {
            this.projectId = projectId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.projectId, projectId) && Objects.equals(k.userId, userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, userId);
        }
    }
}
