package dev.aifirst.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Converts the date types an {@code @Event(at = ...)} property may have to instants. */
public final class EventDates {

    private EventDates() {
    }

    public static Instant toInstant(Instant value, ZoneId zone) {
        return value;
    }

    public static Instant toInstant(OffsetDateTime value, ZoneId zone) {
        return value == null ? null : value.toInstant();
    }

    public static Instant toInstant(ZonedDateTime value, ZoneId zone) {
        return value == null ? null : value.toInstant();
    }

    public static Instant toInstant(LocalDateTime value, ZoneId zone) {
        return value == null ? null : value.atZone(zone).toInstant();
    }

    /** A {@code LocalDate} is read as the start of that day in {@code zone}. */
    public static Instant toInstant(LocalDate value, ZoneId zone) {
        return value == null ? null : value.atStartOfDay(zone).toInstant();
    }
}
