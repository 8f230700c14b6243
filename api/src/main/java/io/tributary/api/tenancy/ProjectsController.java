package io.tributary.api.tenancy;

import io.tributary.api.error.ApiException;
import io.tributary.api.generated.ProjectsApi;
import io.tributary.api.generated.model.MemberAddedDto;
import io.tributary.api.generated.model.MemberCreateDto;
import io.tributary.api.generated.model.MemberDto;
import io.tributary.api.generated.model.ProjectCreateDto;
import io.tributary.api.generated.model.ProjectDto;
import io.tributary.api.generated.model.RoleDto;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProjectsController implements ProjectsApi {

    private final ProjectService service;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final UserRepository users;
    private final ProjectAccess access;
    private final CurrentCaller caller;

    ProjectsController(ProjectService service, ProjectRepository projects, ProjectMemberRepository members,
                       UserRepository users, ProjectAccess access, CurrentCaller caller) {
        this.service = service;
        this.projects = projects;
        this.members = members;
        this.users = users;
        this.access = access;
        this.caller = caller;
    }

    @Override
    @Transactional(readOnly = true)
    public ResponseEntity<List<ProjectDto>> listProjects() {
        Caller me = caller.get();
        return ResponseEntity.ok(projects.findForMember(me.userId()).stream()
                .map(p -> toDto(p, members.findByProjectIdAndUserId(p.getId(), me.userId()).map(ProjectMember::getRole).orElse(null)))
                .toList());
    }

    @Override
    public ResponseEntity<ProjectDto> createProject(ProjectCreateDto body) {
        Project project = service.create(caller.get(), body.getName(), body.getDescription());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.getId())).body(toDto(project, Role.owner));
    }

    @Override
    public ResponseEntity<ProjectDto> getProject(UUID project) {
        Role role = access.read(project);
        return ResponseEntity.ok(toDto(projects.findById(project).orElseThrow(() -> ApiException.notFound("project")), role));
    }

    @Override
    @Transactional(readOnly = true)
    public ResponseEntity<List<MemberDto>> listMembers(UUID project) {
        access.read(project);
        return ResponseEntity.ok(service.members(project).stream()
                .map(m -> new MemberDto().userId(m.getUserId())
                        .username(users.findById(m.getUserId()).map(u -> u.getUsername()).orElse("?"))
                        .role(RoleDto.fromValue(m.getRole().name())))
                .toList());
    }

    @Override
    public ResponseEntity<MemberAddedDto> addMember(UUID project, MemberCreateDto body) {
        access.own(project);
        ProjectService.Added added = service.addMember(project, body.getUsername(), Role.valueOf(body.getRole().getValue()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new MemberAddedDto()
                .userId(added.user().getId()).username(added.user().getUsername())
                .role(body.getRole()).apiKey(added.firstApiKey()));
    }

    @Override
    public ResponseEntity<Void> removeMember(UUID project, UUID userId) {
        access.own(project);
        service.removeMember(project, userId);
        return ResponseEntity.noContent().build();
    }

    private static ProjectDto toDto(Project p, Role role) {
        return new ProjectDto().id(p.getId()).name(p.getName()).description(p.getDescription())
                .createdAt(p.getCreatedAt().atOffset(ZoneOffset.UTC))
                .role(role == null ? null : RoleDto.fromValue(role.name()));
    }
}
