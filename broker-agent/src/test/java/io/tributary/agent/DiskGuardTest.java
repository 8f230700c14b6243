package io.tributary.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.agent.DesiredState.CapacityPolicy;
import io.tributary.agent.DesiredState.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's transitions, with a measurer and a clock the test controls and a real reject file. */
class DiskGuardTest {

    static final Storage REJECT_AT_95 = new Storage(1000, CapacityPolicy.PRODUCE_REJECT, 0.95, 0.85);

    @TempDir
    Path home;
    final MutableClock clock = new MutableClock();
    long used;
    int measurements;
    IOException measureFailure;
    DiskGuard guard;

    Path rejectFile() {
        return home.resolve("produce-rejected");
    }

    DiskGuard guard() {
        if (guard == null) {
            guard = new DiskGuard(() -> {
                measurements++;
                if (measureFailure != null) {
                    throw measureFailure;
                }
                return used;
            }, rejectFile(), clock);
        }
        return guard;
    }

    /** The next measurement: two seconds later. */
    ObservedState.Disk measure(long bytes) {
        used = bytes;
        clock.advance(DiskGuard.INTERVAL);
        return guard().poll();
    }

    @Test
    void acceptingToRejectingAtTheHighWatermark() {
        guard().accept(REJECT_AT_95);

        assertThat(measure(949)).isEqualTo(new ObservedState.Disk(949, 1000L, false));
        assertThat(rejectFile()).doesNotExist();

        assertThat(measure(950)).isEqualTo(new ObservedState.Disk(950, 1000L, true));
        assertThat(rejectFile()).exists();
    }

    @Test
    void rejectingStaysRejectingBetweenTheWatermarksAndAcceptsBelowTheLowOne() {
        guard().accept(REJECT_AT_95);
        measure(990);

        assertThat(measure(900).produceRejected()).as("between the watermarks: hysteresis").isTrue();
        assertThat(measure(850).produceRejected()).as("exactly the low watermark still rejects").isTrue();
        assertThat(rejectFile()).exists();

        assertThat(measure(849)).isEqualTo(new ObservedState.Disk(849, 1000L, false));
        assertThat(rejectFile()).doesNotExist();
        assertThat(measure(900).produceRejected()).as("back under the high watermark: accepting").isFalse();
    }

    @Test
    void measuresAtMostEveryTwoSeconds() {
        guard().accept(REJECT_AT_95);
        guard().poll();
        used = 999;

        clock.advance(Duration.ofMillis(1999));
        assertThat(guard().poll().produceRejected()).isFalse();
        assertThat(measurements).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(guard().poll().produceRejected()).isTrue();
        assertThat(measurements).isEqualTo(2);
    }

    @Test
    void timeBaseNeverRejectsAndRemovesAFileLeftByProduceReject() throws IOException {
        guard().accept(REJECT_AT_95);
        measure(999);
        assertThat(rejectFile()).exists();

        guard().accept(new Storage(1000, CapacityPolicy.TIME_BASE, 0.95, 0.85));
        assertThat(guard().poll()).as("a new guard is applied at once").isEqualTo(new ObservedState.Disk(999, 1000L, false));
        assertThat(rejectFile()).doesNotExist();
        assertThat(measure(5000).produceRejected()).isFalse();
    }

    @Test
    void withoutAGuardTheFileIsRemovedAndNoLimitIsReported() throws IOException {
        Files.writeString(rejectFile(), "left over");
        guard().accept(null);

        assertThat(measure(5000)).isEqualTo(new ObservedState.Disk(5000, null, false));
        assertThat(rejectFile()).doesNotExist();
    }

    @Test
    void beforeADesiredStateIsAcceptedTheFileIsLeftAsItIs() throws IOException {
        Files.writeString(rejectFile(), "from before the agent restarted");

        assertThat(measure(10)).isEqualTo(new ObservedState.Disk(10, null, true));
        assertThat(rejectFile()).exists();

        guard().accept(REJECT_AT_95);
        assertThat(guard().poll().produceRejected()).as("below the low watermark once the guard is known").isFalse();
    }

    @Test
    void anAgentRestartedWhileRejectingKeepsRejectingBetweenTheWatermarks() throws IOException {
        Files.writeString(rejectFile(), "from before the agent restarted");
        guard().accept(REJECT_AT_95);

        assertThat(measure(900).produceRejected()).isTrue();
        assertThat(rejectFile()).exists();
    }

    @Test
    void aFailedMeasurementKeepsTheLastResult() {
        guard().accept(REJECT_AT_95);
        ObservedState.Disk before = measure(990);
        measureFailure = new IOException("disk gone");

        assertThat(measure(0)).isEqualTo(before);
        assertThat(rejectFile()).exists();
    }
}
