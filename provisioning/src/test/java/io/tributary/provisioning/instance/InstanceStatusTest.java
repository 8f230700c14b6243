package io.tributary.provisioning.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstanceStatusTest {

    private final Instant now = Instant.parse("2026-11-23T00:00:00Z");

    private Instance creating() {
        return new Instance(UUID.randomUUID(), UUID.randomUUID(), "i", now);
    }

    @Test
    void creatingToRunning() {
        Instance i = creating();
        i.moveTo(InstanceStatus.RUNNING, null, now);
        assertThat(i.getStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(InstanceStatus.DEGRADED.canMoveTo(InstanceStatus.RESTARTING)).as("a restart may heal").isTrue();
    }

    @Test
    void creatingToCreateFailedKeepsTheReason() {
        Instance i = creating();
        i.moveTo(InstanceStatus.CREATE_FAILED, "no hosts", now);
        assertThat(i.getStatusReason()).isEqualTo("no hosts");
    }

    @Test
    void runningToDegradedAndBack() {
        Instance i = creating();
        i.moveTo(InstanceStatus.RUNNING, null, now);
        i.moveTo(InstanceStatus.DEGRADED, "broker 2 is CRASHED", now);
        i.moveTo(InstanceStatus.RUNNING, null, now);
        assertThat(i.getStatusReason()).isNull();
    }

    @Test
    void runningToRestartingAndBackStillServing() {
        Instance i = creating();
        i.moveTo(InstanceStatus.RUNNING, null, now);
        i.moveTo(InstanceStatus.RESTARTING, null, now);
        assertThat(i.getStatus().isServing()).as("brokers serve during a rolling restart").isTrue();
        assertThatThrownBy(() -> i.moveTo(InstanceStatus.DEGRADED, "x", now)).isInstanceOf(IllegalTransitionException.class);
        i.moveTo(InstanceStatus.RUNNING, null, now);
        assertThat(i.getStatus()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(InstanceStatus.DEGRADED.canMoveTo(InstanceStatus.RESTARTING)).as("a restart may heal").isTrue();
    }

    @Test
    void runningToUpgradingAndBackStillServing() {
        Instance i = creating();
        i.moveTo(InstanceStatus.RUNNING, null, now);
        i.moveTo(InstanceStatus.UPGRADING, null, now);
        assertThat(i.getStatus().isServing()).as("brokers serve during a rolling upgrade").isTrue();
        assertThatThrownBy(() -> i.moveTo(InstanceStatus.RESTARTING, null, now)).isInstanceOf(IllegalTransitionException.class);
        i.moveTo(InstanceStatus.RUNNING, null, now);
        assertThat(InstanceStatus.DEGRADED.canMoveTo(InstanceStatus.UPGRADING)).as("no upgrade of a degraded instance").isFalse();
    }

    @Test
    void deletingToDeletedFromEveryLiveState() {
        for (InstanceStatus from : new InstanceStatus[] {InstanceStatus.CREATING, InstanceStatus.RUNNING,
                InstanceStatus.DEGRADED, InstanceStatus.CREATE_FAILED}) {
            assertThat(from.canMoveTo(InstanceStatus.DELETING)).as(from.name()).isTrue();
        }
        assertThat(InstanceStatus.DELETING.next()).containsExactly(InstanceStatus.DELETED);
    }

    @Test
    void deletedIsFinalAndCreateFailedCannotRun() {
        assertThat(InstanceStatus.DELETED.next()).isEmpty();
        Instance i = creating();
        i.moveTo(InstanceStatus.CREATE_FAILED, "x", now);
        assertThatThrownBy(() -> i.moveTo(InstanceStatus.RUNNING, null, now)).isInstanceOf(IllegalTransitionException.class);
    }

    /** The table in the enum's javadoc is what readers go by, so it lists exactly what {@code next()} allows. */
    @Test
    void theDocumentedTransitionsAreExactlyTheAllowedOnes() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/tributary/provisioning/instance/InstanceStatus.java"));
        String table = source.substring(source.indexOf("<pre>") + 5, source.indexOf("</pre>"));
        Map<InstanceStatus, Set<InstanceStatus>> documented = new EnumMap<>(InstanceStatus.class);
        for (String line : table.split("\n")) {
            String row = line.replace("*", "").trim();
            if (row.isEmpty()) {
                continue;
            }
            String[] sides = row.split("→");
            Set<InstanceStatus> targets = EnumSet.noneOf(InstanceStatus.class);
            Arrays.stream(sides[1].split("\\|")).map(String::trim).map(InstanceStatus::valueOf).forEach(targets::add);
            Arrays.stream(sides[0].split("\\|")).map(String::trim).map(InstanceStatus::valueOf)
                    .forEach(from -> documented.put(from, targets));
        }
        for (InstanceStatus status : InstanceStatus.values()) {
            assertThat(documented.getOrDefault(status, Set.of())).as("documented transitions from %s", status)
                    .containsExactlyInAnyOrderElementsOf(status.next());
        }
    }
}
