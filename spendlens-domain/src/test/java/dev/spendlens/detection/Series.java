package dev.spendlens.detection;

import dev.spendlens.costquery.Granularity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Random;

/** Builds synthetic test series: a level, a weekly (or daily) pattern, log-normal noise, all seeded. */
final class Series {
    static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday

    private Series() {}

    /** {@code days} of spend around {@code level}, weekends at {@code weekend} times a weekday, noise of sigma 0.15. */
    static double[] daily(int days, double level, double weekend, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int day = 0; day < days; day++) {
            DayOfWeek weekday = START.plusDays(day).getDayOfWeek();
            boolean rest = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
            values[day] = level * (rest ? weekend : 1) * Math.exp(0.15 * random.nextGaussian());
        }
        return values;
    }

    /** Hourly spend: busy 8:00 to 18:00 on working days, a trickle otherwise. */
    static double[] hourly(int days, double busyHour, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days * 24];
        for (int hour = 0; hour < values.length; hour++) {
            LocalDateTime at = START.atStartOfDay().plusHours(hour);
            boolean rest = at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean busy = !rest && at.getHour() >= 8 && at.getHour() < 18;
            values[hour] = (busy ? busyHour : busyHour * 0.1) * Math.exp(0.2 * random.nextGaussian());
        }
        return values;
    }

    static TimeSeries of(String key, double[] values) {
        return TimeSeries.of(key, Granularity.DAILY, START.atStartOfDay(), values);
    }

    static TimeSeries hourlyOf(String key, double[] values) {
        return TimeSeries.of(key, Granularity.HOURLY, START.atStartOfDay(), values);
    }

    static TimeSeries grouped(String key, String group, double[] values) {
        return new TimeSeries(key, Granularity.DAILY, START.atStartOfDay(), values, Optional.of(group));
    }
}
