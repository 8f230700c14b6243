package io.tributary.provisioning.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which broker of an instance to restart next, by Strimzi's rules ({@code KafkaRoller}): one broker at a time; never
 * one whose partitions would fall below {@code min.insync.replicas} while it is down; the active controller last;
 * the next only when the restarted one is back in every ISR; and give up on a broker that does not get there within
 * {@link #PATIENCE}. Pure: it decides from a {@link View} of the cluster, so every change that restarts brokers
 * (a rolling restart now; flavor, configuration and version changes later) uses the same rules.
 */
public final class Roller {

    /** How long the roller waits for one thing (a broker to come back, a partition to recover) before it gives up. */
    public static final Duration PATIENCE = Duration.ofMinutes(5);

    private Roller() {
    }

    /** Where one broker is in this roll. */
    public enum Phase {
        /** Not asked to restart yet. */
        PENDING,
        /** Asked; its agent has not reported it running again. */
        RESTARTING,
        /** Running again since the restart. */
        RESTARTED
    }

    public record Partition(String topic, int partition, List<Integer> replicas, List<Integer> isr, int minIsr) {

        String name() {
            return topic + "-" + partition;
        }
    }

    /**
     * The cluster as it is now: each broker's phase (in node order), the active controller ({@code -1}: none known)
     * and every partition with its replicas, ISR and effective {@code min.insync.replicas}.
     */
    public record View(List<Integer> nodes, java.util.Map<Integer, Phase> phases, int activeController,
                       List<Partition> partitions) {
    }

    /** What to do now. */
    public sealed interface Decision {
        /** Ask {@code nodeId}'s agent to restart its broker. */
        record Restart(int nodeId) implements Decision {
        }

        /** Look again later; {@code nodeId} is the broker the roll is at. */
        record Wait(int nodeId, String reason) implements Decision {
        }

        /** Every broker was restarted and is back in every ISR. */
        record Done() implements Decision {
        }

        /** Waited longer than {@link #PATIENCE} for one thing. */
        record GiveUp(int nodeId, String reason) implements Decision {
        }
    }

    /**
     * The next decision.
     *
     * @param waited how long the roll has been waiting for the same reason (zero when the reason is new)
     */
    public static Decision next(View view, Duration waited) {
        Decision decision = decide(view);
        if (decision instanceof Decision.Wait wait && waited.compareTo(PATIENCE) > 0) {
            return new Decision.GiveUp(wait.nodeId(), "gave up after " + PATIENCE.toMinutes() + " min: " + wait.reason());
        }
        return decision;
    }

    private static Decision decide(View view) {
        for (int node : view.nodes()) {
            Phase phase = view.phases().get(node);
            if (phase == Phase.RESTARTING) {
                return new Decision.Wait(node, "broker " + node + " is restarting");
            }
            if (phase == Phase.RESTARTED) {
                Optional<Partition> outside = partitionsOf(view, node).stream()
                        .filter(p -> !p.isr().contains(node)).findFirst();
                if (outside.isPresent()) {
                    return new Decision.Wait(node, "broker " + node + " is back; waiting for it to rejoin the ISR of "
                            + outside.get().name());
                }
            }
        }
        List<Integer> pending = new ArrayList<>(view.nodes().stream()
                .filter(n -> view.phases().get(n) == Phase.PENDING).toList());
        if (pending.isEmpty()) {
            return new Decision.Done();
        }
        pending.sort(Comparator.comparing((Integer n) -> n == view.activeController()).thenComparing(n -> n));
        int candidate = pending.get(0);
        for (Partition p : partitionsOf(view, candidate)) {
            if (p.replicas().size() <= p.minIsr()) {
                continue; // never tolerates a broker down; waiting would not help (Strimzi skips these too)
            }
            int isrWhileDown = p.isr().contains(candidate) ? p.isr().size() - 1 : p.isr().size();
            if (isrWhileDown < p.minIsr()) {
                return new Decision.Wait(candidate, "waiting: partition " + p.name() + " would fall below min.insync.replicas="
                        + p.minIsr() + " while broker " + candidate + " is down (in sync: " + p.isr() + ")");
            }
        }
        return new Decision.Restart(candidate);
    }

    private static List<Partition> partitionsOf(View view, int node) {
        return view.partitions().stream().filter(p -> p.replicas().contains(node)).toList();
    }
}
