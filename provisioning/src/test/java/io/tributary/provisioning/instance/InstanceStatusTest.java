package io.tributary.provisioning.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
}
