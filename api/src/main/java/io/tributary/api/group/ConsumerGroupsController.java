package io.tributary.api.group;

import io.tributary.api.audit.AuditContext;
import io.tributary.api.generated.ConsumerGroupsApi;
import io.tributary.api.generated.model.ConsumerGroupDto;
import io.tributary.api.generated.model.ConsumerGroupSummaryDto;
import io.tributary.api.generated.model.OffsetResetDto;
import io.tributary.api.generated.model.OffsetResetResultDto;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConsumerGroupsController implements ConsumerGroupsApi {

    private final ConsumerGroupService groups;
    private final AuditContext audit;

    ConsumerGroupsController(ConsumerGroupService groups, AuditContext audit) {
        this.groups = groups;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<List<ConsumerGroupSummaryDto>> listConsumerGroups(UUID project, UUID instance) {
        return ResponseEntity.ok(groups.list(project, instance));
    }

    @Override
    public ResponseEntity<ConsumerGroupDto> getConsumerGroup(UUID project, UUID instance, String group) {
        return ResponseEntity.ok(groups.get(project, instance, group));
    }

    @Override
    public ResponseEntity<Void> deleteConsumerGroup(UUID project, UUID instance, String group) {
        audit.resource(instance + "/" + group);
        groups.delete(project, instance, group);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<OffsetResetResultDto> resetConsumerGroupOffsets(UUID project, UUID instance, String group,
                                                                          OffsetResetDto body) {
        audit.resource(instance + "/" + group);
        return ResponseEntity.ok(groups.reset(project, instance, group, body));
    }
}
