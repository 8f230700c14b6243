package io.tributary.api.instance;

import io.tributary.api.generated.model.BrokerLoadDto;
import io.tributary.api.generated.model.OperationStatusDto;
import io.tributary.api.generated.model.OperationTypeDto;
import io.tributary.api.generated.model.PartitionMoveDto;
import io.tributary.api.generated.model.RebalanceDto;
import io.tributary.api.generated.model.RebalancePlanDto;
import io.tributary.provisioning.operation.Operation;
import io.tributary.provisioning.rebalance.Rebalance;
import io.tributary.provisioning.rebalance.RebalancePlan;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

final class RebalanceMapper {

    private RebalanceMapper() {
    }

    static RebalancePlanDto toDto(RebalancePlan plan, UUID operationId) {
        return new RebalancePlanDto()
                .operationId(operationId)
                .partitions(plan.partitions())
                .partitionsToMove(plan.partitionsToMove())
                .leadersToMove(plan.leadersToMove())
                .bytesToMove(plan.bytesToMove())
                .brokers(loads(plan))
                .moves(plan.moves().stream().map(m -> new PartitionMoveDto()
                        .topic(m.topic())
                        .partition(m.partition())
                        .currentReplicas(m.currentReplicas())
                        .proposedReplicas(m.proposedReplicas())
                        .currentLeader(m.currentReplicas().isEmpty() ? null : m.currentReplicas().get(0))
                        .proposedLeader(m.proposedReplicas().get(0))
                        .bytes(m.bytes())).toList());
    }

    static RebalanceDto toDto(Rebalances.Tracked tracked) {
        Rebalance r = tracked.rebalance();
        Operation o = tracked.operation();
        return new RebalanceDto()
                .operationId(o.getId())
                .operationType(OperationTypeDto.fromValue(o.getType().name()))
                .status(OperationStatusDto.fromValue(o.getStatus().name()))
                .percent(o.getPercent())
                .detail(o.getDetail())
                .error(o.getError())
                .throttleBytesPerSecond(r.getThrottleBytesPerSecond())
                .partitionsToMove(r.getPartitionsToMove())
                .partitionsMoved(r.getPartitionsMoved())
                .bytesToMove(r.getBytesToMove())
                .cancelRequested(r.isCancelRequested())
                .brokers(r.isPlanned() ? loads(r.plan()) : List.of())
                .createdAt(utc(r.getCreatedAt()))
                .finishedAt(utc(o.getFinishedAt()));
    }

    private static List<BrokerLoadDto> loads(RebalancePlan plan) {
        return plan.brokers().stream().map(b -> new BrokerLoadDto()
                .nodeId(b.nodeId())
                .availabilityZone(b.zone())
                .replicasBefore(b.replicasBefore())
                .replicasAfter(b.replicasAfter())
                .leadersBefore(b.leadersBefore())
                .leadersAfter(b.leadersAfter())).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
