package io.tributary.provisioning.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.provisioning.rebalance.ReplicaPlanner.BrokerNode;
import io.tributary.provisioning.rebalance.ReplicaPlanner.PartitionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaPlannerTest {

    static final List<BrokerNode> THREE = List.of(new BrokerNode(1, "az1"), new BrokerNode(2, "az2"),
            new BrokerNode(3, "az3"));
    static final List<BrokerNode> FOUR = List.of(new BrokerNode(1, "az1"), new BrokerNode(2, "az2"),
            new BrokerNode(3, "az3"), new BrokerNode(4, "az1"));
    static final List<BrokerNode> FOUR_IN_ONE_ZONE = List.of(new BrokerNode(1, "az1"), new BrokerNode(2, "az1"),
            new BrokerNode(3, "az1"), new BrokerNode(4, "az1"));

    /** What Kafka does on three brokers: every partition on all three, leaders round-robin. */
    static List<PartitionState> onThree(String topic, int partitions) {
        List<PartitionState> states = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            List<Integer> replicas = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                replicas.add((p + r) % 3 + 1);
            }
            states.add(new PartitionState(topic, p, replicas, 1000L * (p + 1)));
        }
        return states;
    }

    @Test
    void aBalancedClusterHasNothingToMove() {
        RebalancePlan plan = ReplicaPlanner.plan(THREE, onThree("t", 12), Set.of());
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.partitions()).isEqualTo(12);
        assertThat(plan.brokers()).extracting(RebalancePlan.BrokerLoad::replicasAfter).containsOnly(12);
    }

    @Test
    void aNewBrokerSharesItsZonesReplicasAndGetsItsShareOfLeadersWithoutAPartitionLosingAZone() {
        List<PartitionState> partitions = onThree("t", 12);
        RebalancePlan plan = ReplicaPlanner.plan(FOUR, partitions, Set.of());

        Map<Integer, RebalancePlan.BrokerLoad> loads = new HashMap<>();
        plan.brokers().forEach(b -> loads.put(b.nodeId(), b));
        assertThat(loads.get(4).replicasBefore()).isZero();
        // broker 4 shares az1 with broker 1, and every partition keeps one replica in each of the three zones
        assertThat(plan.brokers()).extracting(RebalancePlan.BrokerLoad::replicasAfter).containsExactly(6, 12, 12, 6);
        assertThat(plan.brokers()).extracting(RebalancePlan.BrokerLoad::leadersAfter).containsOnly(3);
        Map<String, List<Integer>> after = apply(partitions, plan);
        after.values().forEach(replicas -> {
            assertThat(new HashSet<>(replicas)).as("no broker twice").hasSize(3);
            assertThat(zones(replicas, FOUR)).as("still in three zones: " + replicas).hasSize(3);
        });
        assertThat(plan.partitionsToMove()).as("only what the new broker takes").isEqualTo(6);
        assertThat(plan.bytesToMove()).isPositive();
        // the smallest partitions move first: the plan is cheap
        assertThat(plan.bytesToMove()).isLessThan(partitions.stream().mapToLong(PartitionState::sizeBytes).sum());
    }

    @Test
    void inOneZoneEveryBrokerGetsAnEvenShare() {
        RebalancePlan plan = ReplicaPlanner.plan(FOUR_IN_ONE_ZONE, onThree("t", 12), Set.of());
        assertThat(plan.brokers()).extracting(RebalancePlan.BrokerLoad::replicasAfter).containsOnly(9);
        assertThat(plan.brokers()).extracting(RebalancePlan.BrokerLoad::leadersAfter).containsOnly(3);
        assertThat(plan.partitionsToMove()).isEqualTo(9);
    }

    @Test
    void aPlanAppliedIsBalancedSoTheNextPlanMovesNothing() {
        List<PartitionState> partitions = onThree("t", 50);
        RebalancePlan plan = ReplicaPlanner.plan(FOUR, partitions, Set.of());
        Map<String, List<Integer>> after = apply(partitions, plan);
        List<PartitionState> moved = partitions.stream()
                .map(p -> new PartitionState(p.topic(), p.partition(), after.get(p.name()), p.sizeBytes()))
                .toList();
        assertThat(ReplicaPlanner.plan(FOUR, moved, Set.of()).moves()).isEmpty();
    }

    @Test
    void aRemovedBrokerIsEmptiedOntoTheOthers() {
        List<PartitionState> partitions = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            List<Integer> replicas = List.of(p % 4 + 1, (p + 1) % 4 + 1, (p + 2) % 4 + 1);
            partitions.add(new PartitionState("t", p, replicas, 10));
        }
        RebalancePlan plan = ReplicaPlanner.plan(FOUR, partitions, Set.of(4));
        Map<String, List<Integer>> after = apply(partitions, plan);
        assertThat(after.values()).allSatisfy(replicas -> assertThat(replicas).doesNotContain(4).hasSize(3));
        assertThat(plan.brokers()).filteredOn(b -> b.nodeId() == 4)
                .extracting(RebalancePlan.BrokerLoad::replicasAfter, RebalancePlan.BrokerLoad::leadersAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0));
    }

    @Test
    void aReplicationFactorTheRemainingBrokersCannotHoldIsRefused() {
        assertThatThrownBy(() -> ReplicaPlanner.plan(THREE, onThree("t", 2), Set.of(3)))
                .isInstanceOf(ReplicaPlanner.UnplaceableException.class)
                .hasMessageContaining("topic t has replication factor 3 but only 2 brokers would remain");
    }

    @Test
    void skewedLeadersAreSpreadByReorderingReplicasWithoutMovingData() {
        List<PartitionState> partitions = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            partitions.add(new PartitionState("t", p, List.of(1, 2, 3), 10));
        }
        RebalancePlan plan = ReplicaPlanner.plan(THREE, partitions, Set.of());
        assertThat(plan.partitionsToMove()).isZero();
        assertThat(plan.bytesToMove()).isZero();
        assertThat(plan.leadersToMove()).isEqualTo(4);
        assertThat(plan.brokers()).extracting(RebalancePlan.BrokerLoad::leadersAfter).containsOnly(2);
    }

    private static Map<String, List<Integer>> apply(List<PartitionState> partitions, RebalancePlan plan) {
        Map<String, List<Integer>> replicas = new HashMap<>();
        partitions.forEach(p -> replicas.put(p.name(), p.replicas()));
        plan.moves().forEach(m -> replicas.put(m.topic() + "-" + m.partition(), m.proposedReplicas()));
        return replicas;
    }

    private static Set<String> zones(List<Integer> replicas, List<BrokerNode> brokers) {
        Set<String> zones = new HashSet<>();
        replicas.forEach(id -> brokers.stream().filter(b -> b.nodeId() == id).forEach(b -> zones.add(b.zone())));
        return zones;
    }
}
