package io.tributary.provisioning.reconcile;

import static io.tributary.provisioning.reconcile.Roller.Phase.PENDING;
import static io.tributary.provisioning.reconcile.Roller.Phase.RESTARTED;
import static io.tributary.provisioning.reconcile.Roller.Phase.RESTARTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.provisioning.reconcile.Roller.Decision;
import io.tributary.provisioning.reconcile.Roller.Partition;
import io.tributary.provisioning.reconcile.Roller.Phase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The roller's rules on a made-up cluster of three brokers, with no Kafka. */
class RollerTest {

    static final List<Integer> NODES = List.of(1, 2, 3);

    @Test
    void startsWithTheLowestNodeThatIsNotTheActiveController() {
        assertThat(next(phases(PENDING, PENDING, PENDING), 1, healthy())).isEqualTo(new Decision.Restart(2));
        assertThat(next(phases(PENDING, PENDING, PENDING), 3, healthy())).isEqualTo(new Decision.Restart(1));
    }

    @Test
    void restartsTheActiveControllerLast() {
        assertThat(next(phases(PENDING, RESTARTED, RESTARTED), 1, healthy())).isEqualTo(new Decision.Restart(1));
        assertThat(next(phases(PENDING, RESTARTED, PENDING), 1, healthy())).isEqualTo(new Decision.Restart(3));
    }

    @Test
    void waitsForARestartingBrokerBeforeTheNext() {
        Decision d = next(phases(RESTARTED, RESTARTING, PENDING), 1, healthy());
        assertThat(d).isEqualTo(new Decision.Wait(2, "broker 2 is restarting"));
    }

    @Test
    void waitsUntilTheRestartedBrokerIsBackInEveryIsr() {
        List<Partition> partitions = List.of(partition("t", 0, 1, 2, 3), partition("t", 1, 1, 3));
        Decision d = next(phases(PENDING, RESTARTED, PENDING), 3, partitions);
        assertThat(d).isEqualTo(new Decision.Wait(2, "broker 2 is back; waiting for it to rejoin the ISR of t-1"));
    }

    @Test
    void neverRestartsABrokerWhosePartitionWouldFallBelowMinIsr() {
        // broker 3 is held down (out of every ISR): restarting 1 would leave t-0 with only broker 2 in sync
        List<Partition> partitions = List.of(partition("t", 0, 1, 2));
        Decision d = next(phases(PENDING, PENDING, PENDING), 2, partitions);
        assertThat(d).isEqualTo(new Decision.Wait(1,
                "waiting: partition t-0 would fall below min.insync.replicas=2 while broker 1 is down (in sync: [1, 2])"));
    }

    @Test
    void restartsABrokerOutsideTheIsrWhenTheRestStayAtMinIsr() {
        // broker 1 is out of the ISR: its restart takes nothing from it
        assertThat(next(phases(PENDING, RESTARTED, RESTARTED), 3, List.of(partition("t", 0, 2, 3))))
                .isEqualTo(new Decision.Restart(1));
        assertThat(next(phases(PENDING, PENDING, PENDING), 3, List.of(partition("t", 0, 2, 3))))
                .isEqualTo(new Decision.Restart(1));
    }

    @Test
    void partitionsWithNoMoreReplicasThanMinIsrDoNotBlock() {
        Partition single = new Partition("solo", 0, List.of(1), List.of(1), 1);
        assertThat(next(phases(PENDING, PENDING, PENDING), 3, List.of(single))).isEqualTo(new Decision.Restart(1));
    }

    @Test
    void doneWhenEveryBrokerIsRestartedAndInSync() {
        assertThat(next(phases(RESTARTED, RESTARTED, RESTARTED), 1, healthy())).isEqualTo(new Decision.Done());
    }

    @Test
    void givesUpWithTheReasonAfterWaitingTooLong() {
        Decision d = Roller.next(view(phases(RESTARTED, RESTARTING, PENDING), 1, healthy()),
                Roller.PATIENCE.plusSeconds(1));
        assertThat(d).isEqualTo(new Decision.GiveUp(2, "gave up after 5 min: broker 2 is restarting"));
        assertThat(Roller.next(view(phases(RESTARTED, RESTARTING, PENDING), 1, healthy()), Roller.PATIENCE))
                .isInstanceOf(Decision.Wait.class);
    }

    @Test
    void aRestartIsNeverDelayedByPatience() {
        assertThat(Roller.next(view(phases(PENDING, PENDING, PENDING), 1, healthy()), Duration.ofHours(1)))
                .isEqualTo(new Decision.Restart(2));
    }

    private static Decision next(Map<Integer, Phase> phases, int controller, List<Partition> partitions) {
        return Roller.next(view(phases, controller, partitions), Duration.ZERO);
    }

    private static Roller.View view(Map<Integer, Phase> phases, int controller, List<Partition> partitions) {
        return new Roller.View(NODES, phases, controller, partitions);
    }

    private static Map<Integer, Phase> phases(Phase one, Phase two, Phase three) {
        return Map.of(1, one, 2, two, 3, three);
    }

    /** An RF-3 topic with every replica in sync. */
    private static List<Partition> healthy() {
        return List.of(partition("t", 0, 1, 2, 3), partition("t", 1, 2, 3, 1));
    }

    private static Partition partition(String topic, int number, Integer... isr) {
        return new Partition(topic, number, NODES, List.of(isr), 2);
    }
}
