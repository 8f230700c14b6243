import io.tributary.provisioning.rebalance.RebalancePlan;
import io.tributary.provisioning.rebalance.ReplicaPlanner;
import io.tributary.provisioning.rebalance.ReplicaPlanner.BrokerNode;
import io.tributary.provisioning.rebalance.ReplicaPlanner.PartitionState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How long the rebalance planner takes for a large instance's scale-out: the brokers but three hold every partition
 * (RF 3, spread round-robin, zones round-robin), three new brokers in the three zones are empty. A dry run answers
 * this plan, so it should be quick: goal <= 1000 ms. Median of five runs after three warm-up runs.
 */
public class RebalancePlanBench {

    public static void main(String[] args) {
        boolean smoke = args.length > 0 && args[0].equals("smoke");
        int brokers = smoke ? 6 : 30;
        int partitions = smoke ? 300 : 10_000;
        List<BrokerNode> nodes = new ArrayList<>();
        for (int id = 1; id <= brokers; id++) {
            nodes.add(new BrokerNode(id, "az" + ((id - 1) % 3 + 1)));
        }
        int old = brokers - 3;
        List<PartitionState> states = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            states.add(new PartitionState("topic-" + i / 100, i % 100,
                    List.of(i % old + 1, (i + 1) % old + 1, (i + 2) % old + 1), 1_000_000L + i));
        }
        for (int w = 0; w < 3; w++) {
            ReplicaPlanner.plan(nodes, states, Set.of());
        }
        double[] millis = new double[5];
        RebalancePlan plan = null;
        for (int r = 0; r < millis.length; r++) {
            long start = System.nanoTime();
            plan = ReplicaPlanner.plan(nodes, states, Set.of());
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        int newReplicas = plan.brokers().stream().filter(b -> b.nodeId() > old).mapToInt(RebalancePlan.BrokerLoad::replicasAfter).sum();
        int newLeaders = plan.brokers().stream().filter(b -> b.nodeId() > old).mapToInt(RebalancePlan.BrokerLoad::leadersAfter).sum();
        System.out.printf("%nbench/rebalance-plan (scale-out %d -> %d brokers over 3 zones, %,d partitions RF 3%s)%n",
                old, brokers, partitions, smoke ? ", smoke: figures not judged" : "");
        System.out.printf("  plan time (median of 5)   : %8.1f ms   (goal <= 1000 ms)%n", millis[2]);
        System.out.printf("  partitions to move        : %8d of %d (even share for the 3 new brokers: %d replicas)%n",
                plan.partitionsToMove(), partitions, 3 * partitions * 3 / brokers);
        System.out.printf("  new brokers after the plan: %8d replicas, %d preferred leaders (even share: %d)%n",
                newReplicas, newLeaders, 3 * partitions / brokers);
    }
}
