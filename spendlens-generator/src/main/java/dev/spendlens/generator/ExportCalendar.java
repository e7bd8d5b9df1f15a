package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The days an export covers, numbered from 0, and the billing period of each.
 *
 * @param periods billing periods, oldest first
 * @param principalDataFrom first day with caller identities in CUR
 */
record ExportCalendar(List<YearMonth> periods, LocalDate principalDataFrom) {
    ExportCalendar {
        periods = List.copyOf(requireNonNull(periods, "periods is null"));
        requireNonNull(principalDataFrom, "principalDataFrom is null");
    }

    LocalDate firstDay() {
        return periods.get(0).atDay(1);
    }

    int dayCount() {
        return (int) ChronoUnit.DAYS.between(firstDay(), periods.get(periods.size() - 1).plusMonths(1).atDay(1));
    }

    LocalDate date(int day) {
        return firstDay().plusDays(day);
    }

    int dayIndex(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(firstDay(), date);
    }

    /** Index of the first day that carries caller identities; may be negative (all days do) or past the end (none do). */
    int principalDataFromDay() {
        return dayIndex(principalDataFrom);
    }

    boolean principalDataOn(int day) {
        return day >= principalDataFromDay();
    }

    boolean weekend(int day) {
        DayOfWeek weekday = date(day).getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    int periodIndexOf(int day) {
        YearMonth month = YearMonth.from(date(day));
        return periods.indexOf(month);
    }

    int firstDayOf(int periodIndex) {
        return dayIndex(periods.get(periodIndex).atDay(1));
    }

    int lastDayOf(int periodIndex) {
        return dayIndex(periods.get(periodIndex).atEndOfMonth());
    }
}
