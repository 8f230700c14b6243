package io.tributary.provisioning.rebalance;

import java.util.List;

/**
 * A rebalance's target: every partition whose replicas (or preferred leader, the first replica) change, and each
 * broker's replicas and preferred leaderships before and after. Stored with the rebalance as JSON once computed, so a
 * control plane that restarts carries on with the same target.
 *
 * @param partitions every partition the plan looked at
 */
public record RebalancePlan(int partitions, List<Move> moves, List<BrokerLoad> brokers) {

    /** @param bytes what the new replicas copy: the partition's size times the replicas it gains */
    public record Move(String topic, int partition, List<Integer> currentReplicas, List<Integer> proposedReplicas,
                       long bytes) {

        public boolean replicasChange() {
            return !new java.util.HashSet<>(currentReplicas).equals(new java.util.HashSet<>(proposedReplicas));
        }

        public boolean leaderChanges() {
            return currentReplicas.isEmpty() || !currentReplicas.get(0).equals(proposedReplicas.get(0));
        }
    }

    public record BrokerLoad(int nodeId, String zone, int replicasBefore, int replicasAfter, int leadersBefore,
                             int leadersAfter) {
    }

    public int partitionsToMove() {
        return (int) moves.stream().filter(Move::replicasChange).count();
    }

    public int leadersToMove() {
        return (int) moves.stream().filter(Move::leaderChanges).count();
    }

    public long bytesToMove() {
        return moves.stream().mapToLong(Move::bytes).sum();
    }
}
