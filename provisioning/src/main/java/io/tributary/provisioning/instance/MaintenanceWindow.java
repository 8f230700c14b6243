package io.tributary.provisioning.instance;

import io.tributary.provisioning.json.JsonText;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

/** The weekly hours (UTC) in which an instance's brokers may be restarted for changes not asked to run at once. */
public record MaintenanceWindow(DayOfWeek day, int startHour, int durationHours) {

    public MaintenanceWindow {
        if (startHour < 0 || startHour > 23 || durationHours < 1 || durationHours > 24) {
            throw new IllegalArgumentException("window " + day + " " + startHour + ":00 for " + durationHours + " h");
        }
    }

    /** The window an instance stores ({@code {"dayOfWeek":"TUESDAY","startHour":2,"durationHours":4}}); empty: none. */
    public static Optional<MaintenanceWindow> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        Map<?, ?> w = JsonText.read(json, Map.class);
        return Optional.of(new MaintenanceWindow(DayOfWeek.valueOf((String) w.get("dayOfWeek")),
                ((Number) w.get("startHour")).intValue(), ((Number) w.get("durationHours")).intValue()));
    }

    /** Whether {@code at} falls in a window (its start included, its end not). */
    public boolean contains(Instant at) {
        Instant start = lastStartAtOrBefore(at);
        return at.isBefore(start.plus(Duration.ofHours(durationHours)));
    }

    /** When the window that is open at {@code at} opened; empty when none is. */
    public Optional<Instant> openSince(Instant at) {
        return contains(at) ? Optional.of(lastStartAtOrBefore(at)) : Optional.empty();
    }

    /** The earliest moment from {@code now} on that lies in a window: now when one is open, else the next start. */
    public Instant firstChanceFrom(Instant now) {
        if (contains(now)) {
            return now;
        }
        Instant start = lastStartAtOrBefore(now);
        return start.isBefore(now) ? start.plus(Duration.ofDays(7)) : start;
    }

    private Instant lastStartAtOrBefore(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        ZonedDateTime start = utc.with(TemporalAdjusters.previousOrSame(day)).with(LocalTime.of(startHour, 0));
        if (start.isAfter(utc)) {
            start = start.minusWeeks(1);
        }
        return start.toInstant();
    }
}
