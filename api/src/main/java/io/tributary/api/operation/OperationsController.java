package io.tributary.api.operation;

import io.tributary.api.error.ApiException;
import io.tributary.api.generated.OperationsApi;
import io.tributary.api.generated.model.OperationDto;
import io.tributary.api.generated.model.OperationPageDto;
import io.tributary.api.tenancy.ProjectAccess;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.operation.OperationRepository;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OperationsController implements OperationsApi {

    private final OperationRepository operations;
    private final ProjectAccess access;
    private final ScheduledOperations scheduled;

    OperationsController(OperationRepository operations, ProjectAccess access, ScheduledOperations scheduled) {
        this.operations = operations;
        this.access = access;
        this.scheduled = scheduled;
    }

    @Override
    public ResponseEntity<OperationDto> startOperationNow(UUID project, UUID operation) {
        access.change(project);
        return ResponseEntity.ok(OperationMapper.toDto(scheduled.startNow(project, operation)));
    }

    @Override
    public ResponseEntity<OperationDto> cancelOperation(UUID project, UUID operation) {
        access.change(project);
        return ResponseEntity.ok(OperationMapper.toDto(scheduled.cancel(project, operation)));
    }

    @Override
    public ResponseEntity<OperationDto> getOperation(UUID project, UUID operation) {
        access.read(project);
        return ResponseEntity.ok(OperationMapper.toDto(operations.findByIdAndProjectId(operation, project)
                .orElseThrow(() -> ApiException.notFound("operation " + operation))));
    }

    @Override
    public ResponseEntity<OperationPageDto> listOperations(UUID project, Integer page, Integer size, UUID instanceId) {
        access.read(project);
        Page<Operation> result = operations.search(project, instanceId, PageRequest.of(page, size));
        return ResponseEntity.ok(new OperationPageDto()
                .items(result.getContent().stream().map(OperationMapper::toDto).toList())
                .page(page).size(size).totalItems(result.getTotalElements()).totalPages(result.getTotalPages()));
    }
}
