package io.tributary.provisioning.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The weekly window in UTC: when it is open, and the first moment a scheduled restart may begin. */
class MaintenanceWindowTest {

    // 2026-12-01 is a Tuesday
    private static final MaintenanceWindow TUESDAY_2_TO_6 = new MaintenanceWindow(DayOfWeek.TUESDAY, 2, 4);

    @Test
    void isOpenFromItsStartUntilJustBeforeItsEnd() {
        assertThat(TUESDAY_2_TO_6.contains(Instant.parse("2026-12-01T01:59:59Z"))).isFalse();
        assertThat(TUESDAY_2_TO_6.contains(Instant.parse("2026-12-01T02:00:00Z"))).isTrue();
        assertThat(TUESDAY_2_TO_6.contains(Instant.parse("2026-12-01T05:59:59Z"))).isTrue();
        assertThat(TUESDAY_2_TO_6.contains(Instant.parse("2026-12-01T06:00:00Z"))).isFalse();
        assertThat(TUESDAY_2_TO_6.contains(Instant.parse("2026-12-08T03:00:00Z"))).as("every week").isTrue();
    }

    @Test
    void theFirstChanceIsNowInsideTheWindowElseItsNextStart() {
        Instant inside = Instant.parse("2026-12-01T03:30:00Z");
        assertThat(TUESDAY_2_TO_6.firstChanceFrom(inside)).isEqualTo(inside);
        assertThat(TUESDAY_2_TO_6.firstChanceFrom(Instant.parse("2026-12-01T01:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(TUESDAY_2_TO_6.firstChanceFrom(Instant.parse("2026-12-01T06:00:00Z")))
                .as("just missed: next week").isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
        assertThat(TUESDAY_2_TO_6.firstChanceFrom(Instant.parse("2026-12-06T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-08T02:00:00Z"));
    }

    @Test
    void aWindowRunsOverMidnightAndTheEndOfTheWeek() {
        MaintenanceWindow sundayLate = new MaintenanceWindow(DayOfWeek.SUNDAY, 22, 4);
        assertThat(sundayLate.contains(Instant.parse("2026-12-07T01:00:00Z"))).as("Monday 01:00").isTrue();
        assertThat(sundayLate.contains(Instant.parse("2026-12-07T02:00:00Z"))).isFalse();
        assertThat(sundayLate.firstChanceFrom(Instant.parse("2026-12-07T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-13T22:00:00Z"));
    }

    @Test
    void readsTheStoredWindow() {
        assertThat(MaintenanceWindow.parse("{\"dayOfWeek\":\"TUESDAY\",\"startHour\":2,\"durationHours\":4}"))
                .contains(TUESDAY_2_TO_6);
        assertThat(MaintenanceWindow.parse(null)).isEmpty();
    }
}
