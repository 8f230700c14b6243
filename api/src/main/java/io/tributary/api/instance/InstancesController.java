package io.tributary.api.instance;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.generated.InstancesApi;
import io.tributary.api.generated.model.BrokerRestartDto;
import io.tributary.api.generated.model.InstanceAcceptedDto;
import io.tributary.api.generated.model.InstanceCreateDto;
import io.tributary.api.generated.model.InstanceDto;
import io.tributary.api.generated.model.InstanceEventDto;
import io.tributary.api.generated.model.InstanceEventPageDto;
import io.tributary.api.generated.model.InstanceEventTypeDto;
import io.tributary.api.generated.model.InstancePageDto;
import io.tributary.api.generated.model.InstanceStatusDto;
import io.tributary.api.generated.model.InstanceUpdateDto;
import io.tributary.api.generated.model.OperationDto;
import io.tributary.api.generated.model.RebalanceDto;
import io.tributary.api.generated.model.RebalancePlanDto;
import io.tributary.api.generated.model.RebalanceRequestDto;
import io.tributary.api.operation.OperationMapper;
import io.tributary.api.tenancy.ProjectAccess;
import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.instance.InstanceEventRepository;
import io.tributary.provisioning.instance.InstanceStatus;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.rebalance.RebalancePlan;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InstancesController implements InstancesApi {

    private final InstanceService service;
    private final InstanceMapper mapper;
    private final ProjectAccess access;
    private final AuditContext audit;
    private final InstanceEventRepository events;
    private final BrokerRestarts restarts;
    private final Rebalances rebalances;

    InstancesController(InstanceService service, InstanceMapper mapper, ProjectAccess access, AuditContext audit,
                        InstanceEventRepository events, BrokerRestarts restarts,
                        Rebalances rebalances) {
        this.service = service;
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.restarts = restarts;
        this.rebalances = rebalances;
    }

    @Override
    public ResponseEntity<RebalancePlanDto> startRebalance(UUID project, UUID instance, RebalanceRequestDto body) {
        access.change(project);
        audit.resource(instance.toString());
        RebalancePlan plan = rebalances.dryRun(project, instance);
        if (Boolean.TRUE.equals(body.getDryRun())) {
            return ResponseEntity.ok(RebalanceMapper.toDto(plan, null));
        }
        Operation started = ConcurrentChange.retry(() -> rebalances.start(project, instance, plan,
                body.getThrottleBytesPerSecond()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RebalanceMapper.toDto(plan, started.getId()));
    }

    @Override
    public ResponseEntity<RebalanceDto> getRebalance(UUID project, UUID instance) {
        access.read(project);
        return ResponseEntity.ok(RebalanceMapper.toDto(rebalances.latest(project, instance)));
    }

    @Override
    public ResponseEntity<RebalanceDto> cancelRebalance(UUID project, UUID instance) {
        access.change(project);
        audit.resource(instance.toString());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RebalanceMapper.toDto(
                ConcurrentChange.retry(() -> rebalances.cancel(project, instance))));
    }

    @Override
    public ResponseEntity<OperationDto> restartInstanceBrokers(UUID project, UUID instance, BrokerRestartDto body) {
        access.change(project);
        audit.resource(instance.toString());
        Integer nodeId = body == null ? null : body.getNodeId();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(OperationMapper.toDto(
                restarts.restart(project, instance, nodeId, body == null ? null : body.getApplyAt())));
    }

    @Override
    public ResponseEntity<InstanceAcceptedDto> createInstance(UUID project, InstanceCreateDto body) {
        access.change(project);
        InstanceService.Accepted accepted = service.order(project, body);
        audit.resource(accepted.instance().getId().toString());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/projects/" + project + "/instances/" + accepted.instance().getId()))
                .body(accepted(accepted));
    }

    @Override
    public ResponseEntity<InstancePageDto> listInstances(UUID project, Integer page, Integer size,
                                                         InstanceStatusDto status, String tag, String q) {
        access.read(project);
        Page<Instance> result = service.list(project, page, size,
                status == null ? null : InstanceStatus.valueOf(status.getValue()), tag, q);
        return ResponseEntity.ok(new InstancePageDto()
                .items(result.getContent().stream().map(mapper::toDto).toList())
                .page(page).size(size).totalItems(result.getTotalElements()).totalPages(result.getTotalPages()));
    }

    @Override
    public ResponseEntity<InstanceDto> getInstance(UUID project, UUID instance) {
        access.read(project);
        return ResponseEntity.ok(mapper.toDto(service.get(project, instance)));
    }

    @Override
    public ResponseEntity<InstanceDto> updateInstance(UUID project, UUID instance, InstanceUpdateDto body) {
        access.change(project);
        InstanceService.Changed changed = ConcurrentChange.retry(() -> service.update(project, instance, body));
        return ResponseEntity.status(changed.operation() == null ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(mapper.toDto(changed.instance()));
    }

    @Override
    public ResponseEntity<InstanceAcceptedDto> deleteInstance(UUID project, UUID instance) {
        access.change(project);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted(
                ConcurrentChange.retry(() -> service.delete(project, instance))));
    }

    @Override
    public ResponseEntity<InstanceEventPageDto> listInstanceEvents(UUID project, UUID instance, Integer page, Integer size) {
        service.get(project, instance);
        var result = events.findByInstanceIdOrderByOccurredAtDescIdDesc(instance, PageRequest.of(page, size));
        return ResponseEntity.ok(new InstanceEventPageDto()
                .items(result.getContent().stream().map(e -> new InstanceEventDto().id(e.getId())
                        .type(InstanceEventTypeDto.fromValue(e.getType())).message(e.getMessage()).nodeId(e.getNodeId())
                        .occurredAt(e.getOccurredAt().atOffset(ZoneOffset.UTC))).toList())
                .page(page).size(size).totalItems(result.getTotalElements()).totalPages(result.getTotalPages()));
    }

    private InstanceAcceptedDto accepted(InstanceService.Accepted accepted) {
        return new InstanceAcceptedDto().instance(mapper.toDto(accepted.instance()))
                .operation(OperationMapper.toDto(accepted.operation()));
    }
}
