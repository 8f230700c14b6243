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
        assertThat(CapacityGuard.trimDue(FULL, null, ACTED)).isTrue();
        assertThat(CapacityGuard.trimDue(FULL, null, null)).isTrue();
    }

    @Test
    void aBrokerUnderTheHighWatermarkIsNotCut() {
        assertThat(CapacityGuard.trimDue(new DiskReport(94, 100, false), null, ACTED)).isFalse();
    }

    @Test
    void afterACutOnlyAReportThatCanShowItsEffectCallsForTheNextOne() {
        // the broker removes the segments within ~15 s: a report before that still looks full
        assertThat(CapacityGuard.trimDue(FULL, ACTED, ACTED.plusSeconds(3))).isFalse();
        assertThat(CapacityGuard.trimDue(FULL, ACTED, ACTED.plus(CapacityGuard.SETTLE))).isFalse();
        assertThat(CapacityGuard.trimDue(FULL, ACTED, ACTED.plus(CapacityGuard.SETTLE).plusSeconds(1))).isTrue();
    }

    @Test
    void aSilentAgentsLastReportNeverCallsForASecondCut() {
        // the report from before the cut stays in the database while the agent is silent
        assertThat(CapacityGuard.trimDue(FULL, ACTED, ACTED.minusSeconds(1))).isFalse();
        assertThat(CapacityGuard.trimDue(FULL, ACTED, null)).isFalse();
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
