package io.tributary.api.tenancy;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects and their members. Access checks happen in the controller, before these calls. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final UserRepository users;
    private final ApiKeyService apiKeys;
    private final Clock clock;

    public ProjectService(ProjectRepository projects, ProjectMemberRepository members, UserRepository users,
                          ApiKeyService apiKeys, Clock clock) {
        this.projects = projects;
        this.members = members;
        this.users = users;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @Transactional
    public Project create(Caller caller, String name, String description) {
        if (projects.existsByAccountIdAndName(caller.accountId(), name)) {
            throw new ApiException(ErrorCode.NAME_TAKEN, "a project named '" + name + "' already exists");
        }
        Project project = projects.save(new Project(UUID.randomUUID(), caller.accountId(), name, description, clock.instant()));
        members.save(new ProjectMember(project.getId(), caller.userId(), Role.owner, clock.instant()));
        return project;
    }

    public record Added(User user, Role role, String firstApiKey) {
    }

    /** Adds a user of the project's account by name, creating it (with a first API key) when new. */
    @Transactional
    public Added addMember(UUID projectId, String username, Role role) {
        Project project = projects.findById(projectId).orElseThrow(() -> ApiException.notFound("project " + projectId));
        String firstKey = null;
        User user = users.findByUsername(username).orElse(null);
        if (user == null) {
            user = users.save(new User(UUID.randomUUID(), project.getAccountId(), username, false, clock.instant()));
            firstKey = apiKeys.create(user.getId(), "first key").token();
        } else if (!user.getAccountId().equals(project.getAccountId())) {
            throw new ApiException(ErrorCode.NAME_TAKEN, "the username '" + username + "' is taken");
        }
        if (members.findByProjectIdAndUserId(projectId, user.getId()).isPresent()) {
            throw new ApiException(ErrorCode.NAME_TAKEN, username + " is already a member of this project");
        }
        members.save(new ProjectMember(projectId, user.getId(), role, clock.instant()));
        return new Added(user, role, firstKey);
    }

    @Transactional
    public void removeMember(UUID projectId, UUID userId) {
        ProjectMember member = members.findByProjectIdAndUserId(projectId, userId)
                .orElseThrow(() -> ApiException.notFound("member " + userId));
        if (member.getRole() == Role.owner && members.countByProjectIdAndRole(projectId, Role.owner) == 1) {
            throw new ApiException(ErrorCode.LAST_OWNER, "the last owner of a project cannot be removed");
        }
        members.delete(member);
    }

    @Transactional(readOnly = true)
    public List<ProjectMember> members(UUID projectId) {
        return members.findByProjectIdOrderByCreatedAt(projectId);
    }
}
