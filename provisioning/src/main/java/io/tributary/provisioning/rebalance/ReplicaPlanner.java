package io.tributary.provisioning.rebalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where every partition's replicas should be: evenly spread over the brokers that stay (each holds the same number of
 * replicas, give or take one), rack-aware (a partition's replicas in as many zones as it can), with the preferred
 * leaders (the first replica) evenly spread too, and moving as few replicas as it can. Replicas on a broker being
 * removed always move. Pure, so a dry run and the rebalance itself plan the same way.
 *
 * <p>Greedy, in the way Kafka's own reassignment tooling and Cruise Control's replica-distribution goal work: first
 * every replica on a removed broker goes to the least-loaded broker the partition is not on (another zone first);
 * then, while some broker holds two replicas more than another and a partition can move between them without losing
 * a zone, the smallest such partition moves (so with a zone holding fewer brokers than the others, its brokers end
 * up with more replicas each: a partition needs the zone more than an even count). Leaders: a partition keeps its preferred leader while that broker
 * leads fewer than its share; the others take the replica that leads the fewest.
 */
public final class ReplicaPlanner {

    private ReplicaPlanner() {
    }

    public record BrokerNode(int nodeId, String zone) {
    }

    public record PartitionState(String topic, int partition, List<Integer> replicas, long sizeBytes) {

        String name() {
            return topic + "-" + partition;
        }
    }

    /** The replication factor of a topic cannot be kept on the brokers that would stay. */
    public static class UnplaceableException extends RuntimeException {
        UnplaceableException(String message) {
            super(message);
        }
    }

    /**
     * @param brokers every registered broker
     * @param removed the brokers to empty (a scale-in); empty for a plain rebalance
     */
    public static RebalancePlan plan(List<BrokerNode> brokers, List<PartitionState> partitions, Set<Integer> removed) {
        Map<Integer, String> zones = new TreeMap<>();
        brokers.stream().filter(b -> !removed.contains(b.nodeId())).forEach(b -> zones.put(b.nodeId(), b.zone()));
        if (zones.isEmpty()) {
            throw new UnplaceableException("no broker would remain");
        }
        List<PartitionState> sorted = partitions.stream()
                .sorted(Comparator.comparing(PartitionState::topic).thenComparingInt(PartitionState::partition))
                .toList();
        // keyed by the partition object itself: no name is built or hashed in the loops below
        Map<PartitionState, List<Integer>> target = new java.util.IdentityHashMap<>();
        Map<Integer, Integer> load = new TreeMap<>();
        zones.keySet().forEach(id -> load.put(id, 0));
        for (PartitionState p : sorted) {
            if (p.replicas().size() > zones.size()) {
                throw new UnplaceableException("topic " + p.topic() + " has replication factor " + p.replicas().size()
                        + " but only " + zones.size() + " brokers would remain");
            }
            List<Integer> replicas = new ArrayList<>(p.replicas());
            target.put(p, replicas);
            replicas.stream().filter(load::containsKey).forEach(id -> load.merge(id, 1, Integer::sum));
        }

        // 1. nothing stays on a removed (or unknown) broker
        for (PartitionState p : sorted) {
            List<Integer> replicas = target.get(p);
            for (int i = 0; i < replicas.size(); i++) {
                if (!zones.containsKey(replicas.get(i))) {
                    int to = bestNewHome(replicas, replicas.get(i), zones, load);
                    replicas.set(i, to);
                    load.merge(to, 1, Integer::sum);
                }
            }
        }
        // 2. even replica counts
        balanceReplicas(sorted, target, zones, load);
        // 3. even preferred leaders
        balanceLeaders(sorted, target, zones.keySet());

        List<RebalancePlan.Move> moves = new ArrayList<>();
        for (PartitionState p : sorted) {
            List<Integer> proposed = target.get(p);
            if (!proposed.equals(p.replicas())) {
                long added = proposed.stream().filter(id -> !p.replicas().contains(id)).count();
                moves.add(new RebalancePlan.Move(p.topic(), p.partition(), p.replicas(), List.copyOf(proposed),
                        p.sizeBytes() * added));
            }
        }
        return new RebalancePlan(partitions.size(), moves, loads(brokers, sorted, target));
    }

    /** The least-loaded broker the partition is not on, in a zone none of its other replicas is in if there is one. */
    private static int bestNewHome(List<Integer> replicas, int leaving, Map<Integer, String> zones,
                                   Map<Integer, Integer> load) {
        Set<String> usedZones = new HashSet<>();
        replicas.stream().filter(id -> id != leaving && zones.containsKey(id)).forEach(id -> usedZones.add(zones.get(id)));
        return zones.keySet().stream()
                .filter(id -> !replicas.contains(id))
                .min(Comparator.<Integer>comparingInt(id -> usedZones.contains(zones.get(id)) ? 1 : 0)
                        .thenComparingInt(load::get)
                        .thenComparingInt(id -> id))
                .orElseThrow(() -> new UnplaceableException("no broker is left for a replica of a partition"));
    }

    private static void balanceReplicas(List<PartitionState> sorted, Map<PartitionState, List<Integer>> target,
                                        Map<Integer, String> zones, Map<Integer, Integer> load) {
        // each broker's partitions, smallest first: the cheapest movable one is the first that qualifies
        Comparator<PartitionState> smallestFirst = Comparator.comparingLong(PartitionState::sizeBytes)
                .thenComparing(PartitionState::topic).thenComparingInt(PartitionState::partition);
        Map<Integer, java.util.TreeSet<PartitionState>> held = new HashMap<>();
        zones.keySet().forEach(id -> held.put(id, new java.util.TreeSet<>(smallestFirst)));
        for (PartitionState p : sorted) {
            target.get(p).forEach(id -> held.get(id).add(p));
        }
        Set<Long> stuck = new HashSet<>();
        int guard = sorted.size() * 4 + 16;
        while (guard-- > 0 && moveOne(held, target, zones, load, stuck)) {
            // one replica moved from a broker with two more than another; look again
        }
    }

    /**
     * Moves the smallest replica it can from the most-loaded broker that can give one (a zone may hold only a few
     * brokers' worth: a broker alone in its zone keeps a replica of every partition that needs that zone).
     */
    private static boolean moveOne(Map<Integer, java.util.TreeSet<PartitionState>> held,
                                   Map<PartitionState, List<Integer>> target, Map<Integer, String> zones,
                                   Map<Integer, Integer> load, Set<Long> stuck) {
        List<Integer> byLoadDesc = load.keySet().stream()
                .sorted(Comparator.<Integer>comparingInt(load::get).reversed().thenComparingInt(id -> id))
                .toList();
        List<Integer> byLoadAsc = new ArrayList<>(byLoadDesc);
        java.util.Collections.reverse(byLoadAsc);
        for (int over : byLoadDesc) {
            for (int under : byLoadAsc) {
                if (load.get(over) - load.get(under) <= 1) {
                    break;
                }
                long pair = ((long) over << 32) | (under & 0xffffffffL);
                if (stuck.contains(pair)) {
                    continue;
                }
                PartitionState candidate = held.get(over).stream()
                        .filter(p -> movable(target.get(p), over, under, zones))
                        .findFirst()
                        .orElse(null);
                if (candidate == null) {
                    stuck.add(pair); // until a partition of either broker changes
                } else {
                    List<Integer> replicas = target.get(candidate);
                    Set<Integer> touched = new HashSet<>(replicas);
                    touched.add(under);
                    stuck.removeIf(k -> touched.contains((int) (k >> 32)) || touched.contains((int) (long) k));
                    replicas.set(replicas.indexOf(over), under);
                    held.get(over).remove(candidate);
                    held.get(under).add(candidate);
                    load.merge(over, -1, Integer::sum);
                    load.merge(under, 1, Integer::sum);
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code over} holds a replica, {@code under} none, and the partition keeps as many zones as it has. */
    private static boolean movable(List<Integer> replicas, int over, int under, Map<Integer, String> zones) {
        if (!replicas.contains(over) || replicas.contains(under)) {
            return false;
        }
        String from = zones.get(over);
        String to = zones.get(under);
        if (to.equals(from)) {
            return true;
        }
        boolean toUsed = false;
        boolean fromElsewhere = false;
        for (int id : replicas) {
            if (id != over) {
                String zone = zones.get(id);
                toUsed |= to.equals(zone);
                fromElsewhere |= from.equals(zone);
            }
        }
        return !toUsed || fromElsewhere;
    }

    private static void balanceLeaders(List<PartitionState> sorted, Map<PartitionState, List<Integer>> target,
                                       Set<Integer> nodes) {
        int share = (sorted.size() + nodes.size() - 1) / Math.max(1, nodes.size());
        Map<Integer, Integer> leads = new HashMap<>();
        nodes.forEach(id -> leads.put(id, 0));
        List<PartitionState> open = new ArrayList<>();
        for (PartitionState p : sorted) {
            List<Integer> replicas = target.get(p);
            int first = replicas.get(0);
            if (leads.get(first) < share) {
                leads.merge(first, 1, Integer::sum);
            } else {
                open.add(p);
            }
        }
        for (PartitionState p : open) {
            List<Integer> replicas = target.get(p);
            int leader = replicas.stream()
                    .min(Comparator.<Integer>comparingInt(leads::get).thenComparingInt(replicas::indexOf))
                    .orElseThrow();
            leads.merge(leader, 1, Integer::sum);
            lead(replicas, leader);
        }
        // then hand a leadership from a broker to one of the partition's replicas that leads two fewer, while any can
        boolean improved = true;
        for (int guard = sorted.size() * 2; improved && guard > 0; guard--) {
            improved = false;
            for (PartitionState p : sorted) {
                List<Integer> replicas = target.get(p);
                int leader = replicas.get(0);
                Integer better = replicas.stream()
                        .filter(id -> leads.containsKey(id) && leads.get(id) < leads.get(leader) - 1)
                        .min(Comparator.comparingInt(leads::get))
                        .orElse(null);
                if (better != null) {
                    leads.merge(leader, -1, Integer::sum);
                    leads.merge(better, 1, Integer::sum);
                    lead(replicas, better);
                    improved = true;
                }
            }
        }
    }

    private static void lead(List<Integer> replicas, int leader) {
        replicas.remove(Integer.valueOf(leader));
        replicas.add(0, leader);
    }

    private static List<RebalancePlan.BrokerLoad> loads(List<BrokerNode> brokers, List<PartitionState> partitions,
                                                        Map<PartitionState, List<Integer>> target) {
        List<RebalancePlan.BrokerLoad> loads = new ArrayList<>();
        for (BrokerNode b : brokers.stream().sorted(Comparator.comparingInt(BrokerNode::nodeId)).toList()) {
            int before = 0;
            int after = 0;
            int leadersBefore = 0;
            int leadersAfter = 0;
            for (PartitionState p : partitions) {
                List<Integer> proposed = target.get(p);
                before += p.replicas().contains(b.nodeId()) ? 1 : 0;
                after += proposed.contains(b.nodeId()) ? 1 : 0;
                leadersBefore += !p.replicas().isEmpty() && p.replicas().get(0) == b.nodeId() ? 1 : 0;
                leadersAfter += proposed.get(0) == b.nodeId() ? 1 : 0;
            }
            loads.add(new RebalancePlan.BrokerLoad(b.nodeId(), b.zone(), before, after, leadersBefore, leadersAfter));
        }
        return loads;
    }
}
