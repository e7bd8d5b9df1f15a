package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A day of the week and a time of day (UTC), written {@code monday 08:00} (or {@code mon 08:00}).
 *
 * @param day the day
 * @param time the time of day, in UTC
 */
public record WeeklyTime(DayOfWeek day, LocalTime time) {
    public WeeklyTime {
        requireNonNull(day, "day is null");
        requireNonNull(time, "time is null");
    }

    /** Parses {@code monday 08:00}; throws {@link IllegalArgumentException} saying what is expected. */
    public static WeeklyTime parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("write a day and a UTC time, such as 'monday 08:00'");
        }
        return new WeeklyTime(day(parts[0]), timeOfDay(parts[1]));
    }

    /** Parses {@code 08:00} (24-hour, UTC); throws {@link IllegalArgumentException} saying what is expected. */
    public static LocalTime timeOfDay(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'%s' is not a time of day such as 08:00 (24-hour, UTC)".formatted(text.strip()));
        }
    }

    private static DayOfWeek day(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (name.equals(lower) || name.substring(0, 3).equals(lower)) {
                return day;
            }
        }
        throw new IllegalArgumentException("'%s' is not a day of the week such as monday or mon".formatted(text));
    }

    @Override
    public String toString() {
        return day.name().toLowerCase(Locale.ROOT) + " " + time;
    }
}
