package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;

/**
 * Days on which people do not work, so spend looks like a weekend's: the detector expects a
 * weekend's spend on them and leaves them out when it learns the weekday pattern.
 *
 * @param days the holidays
 */
public record HolidayCalendar(Set<LocalDate> days) {
    public HolidayCalendar {
        days = Set.copyOf(requireNonNull(days, "days is null"));
    }

    public static HolidayCalendar none() {
        return new HolidayCalendar(Set.of());
    }

    public boolean holiday(LocalDate day) {
        return days.contains(day);
    }
}
