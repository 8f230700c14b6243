package io.tributary.api.audit;

import io.tributary.api.generated.AuditApi;
import io.tributary.api.generated.model.AuditEventDto;
import io.tributary.api.generated.model.AuditEventPageDto;
import io.tributary.api.tenancy.ProjectAccess;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController implements AuditApi {

    private final AuditEventRepository events;
    private final ProjectAccess access;

    AuditController(AuditEventRepository events, ProjectAccess access) {
        this.events = events;
        this.access = access;
    }

    @Override
    public ResponseEntity<AuditEventPageDto> listAuditEvents(UUID project, Integer page, Integer size) {
        access.read(project);
        Page<AuditEvent> result = events.findByProjectIdOrderByOccurredAtDescIdDesc(project, PageRequest.of(page, size));
        return ResponseEntity.ok(new AuditEventPageDto()
                .items(result.getContent().stream().map(AuditController::toDto).toList())
                .page(page).size(size).totalItems(result.getTotalElements()).totalPages(result.getTotalPages()));
    }

    private static AuditEventDto toDto(AuditEvent e) {
        return new AuditEventDto().id(e.getId()).actor(e.getActor()).projectId(e.getProjectId()).action(e.getAction())
                .resourceType(e.getResourceType()).resourceId(e.getResourceId())
                .result(AuditEventDto.ResultEnum.fromValue(e.getResult())).detail(e.getDetail())
                .occurredAt(e.getOccurredAt().atOffset(ZoneOffset.UTC));
    }
}
