package io.tributary.provisioning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When TIME_BASE cuts, and which topics it may cut. */
class TimeBaseRulesTest {

    static final Instant ACTED = Instant.parse("2026-12-01T10:00:00Z");
    static final DiskReport FULL = new DiskReport(97, 100, false);

    @Test
    void aFullBrokerNeverActedOnIsCutAtOnce() {
        assertThat(CapacityGuard.trimDue(FULL, null, null, ACTED)).isTrue();
        assertThat(CapacityGuard.trimDue(FULL, null, null, null)).isTrue();
    }

    @Test
    void aBrokerUnderTheHighWatermarkIsNotCut() {
        assertThat(CapacityGuard.trimDue(new DiskReport(94, 100, false), null, null, ACTED)).isFalse();
    }

    @Test
    void afterACutOnlyAReportThatCanShowItsEffectCallsForTheNextOne() {
        // the broker removes the segments within ~15 s: a report before that still looks full
        assertThat(CapacityGuard.trimDue(FULL, ACTED, null, ACTED.plusSeconds(3))).isFalse();
        assertThat(CapacityGuard.trimDue(FULL, ACTED, null, ACTED.plus(CapacityGuard.SETTLE))).isFalse();
        assertThat(CapacityGuard.trimDue(FULL, ACTED, null, ACTED.plus(CapacityGuard.SETTLE).plusSeconds(1))).isTrue();
    }

    @Test
    void aCutWhoseSpaceHasNotShownYetIsNotFollowedByASecond() {
        // the broker still reports what it held when cut: its deletes are slow, not done
        Instant late = ACTED.plus(CapacityGuard.SETTLE).plusSeconds(5);
        assertThat(CapacityGuard.trimDue(FULL, ACTED, FULL.usedBytes(), late)).isFalse();
        assertThat(CapacityGuard.trimDue(new DiskReport(97, 100, false), ACTED, 96L, late)).isFalse();
    }

    @Test
    void aBrokerFullAgainAfterItsCutFreedSpaceIsCutAgain() {
        Instant late = ACTED.plus(CapacityGuard.SETTLE).plusSeconds(5);
        assertThat(CapacityGuard.trimDue(new DiskReport(95, 100, false), ACTED, 99L, late)).isTrue();
        // but never before the settle time, even if the drop shows early
        assertThat(CapacityGuard.trimDue(new DiskReport(95, 100, false), ACTED, 99L, ACTED.plusSeconds(5))).isFalse();
    }

    @Test
    void aCutWhoseSpaceNeverShowsHoldsOffTheNextOnlyUntilGivingUp() {
        Instant afterGiveUp = ACTED.plus(CapacityGuard.GIVE_UP).plusSeconds(1);
        assertThat(CapacityGuard.trimDue(FULL, ACTED, FULL.usedBytes(), ACTED.plus(CapacityGuard.GIVE_UP))).isFalse();
        assertThat(CapacityGuard.trimDue(FULL, ACTED, FULL.usedBytes(), afterGiveUp)).isTrue();
    }

    @Test
    void aSilentAgentsLastReportNeverCallsForASecondCut() {
        // the report from before the cut stays in the database while the agent is silent
        assertThat(CapacityGuard.trimDue(FULL, ACTED, FULL.usedBytes(), ACTED.minusSeconds(1))).isFalse();
        assertThat(CapacityGuard.trimDue(FULL, ACTED, FULL.usedBytes(), null)).isFalse();
    }

    @Test
    void onlyTopicsWhosePolicyContainsDeleteAreCut() {
        assertThat(OldestDataDeleter.allowsDeletion("delete")).isTrue();
        assertThat(OldestDataDeleter.allowsDeletion("compact,delete")).isTrue();
        assertThat(OldestDataDeleter.allowsDeletion("delete, compact")).isTrue();
        assertThat(OldestDataDeleter.allowsDeletion(null)).isTrue();
        assertThat(OldestDataDeleter.allowsDeletion("compact")).isFalse();
        assertThat(OldestDataDeleter.allowsDeletion("")).isFalse();
    }
}
