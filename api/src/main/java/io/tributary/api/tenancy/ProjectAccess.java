package io.tributary.api.tenancy;

import io.tributary.api.error.ApiException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tenant isolation in one place: a project the caller is not a member of does not exist for it
 * (404); a member whose role is too weak gets 403.
 */
@Component
public class ProjectAccess {

    private final ProjectMemberRepository members;
    private final CurrentCaller caller;

    public ProjectAccess(ProjectMemberRepository members, CurrentCaller caller) {
        this.members = members;
        this.caller = caller;
    }

    /** The caller's role in {@code projectId}, at least {@code minimum}. */
    public Role require(UUID projectId, Role minimum) {
        Role role = members.findByProjectIdAndUserId(projectId, caller.get().userId())
                .orElseThrow(() -> ApiException.notFound("project " + projectId))
                .getRole();
        if (!role.allows(minimum)) {
            throw ApiException.forbidden("this needs the " + minimum + " role in the project; you are " + role);
        }
        return role;
    }

    public Role read(UUID projectId) {
        return require(projectId, Role.viewer);
    }

    public Role change(UUID projectId) {
        return require(projectId, Role.operator);
    }

    public Role own(UUID projectId) {
        return require(projectId, Role.owner);
    }

    public void requirePlatformAdmin() {
        if (!caller.get().platformAdmin()) {
            throw ApiException.forbidden("this needs a platform administrator");
        }
    }
}
