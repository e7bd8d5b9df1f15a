package dev.spendlens.detection;

import dev.spendlens.costquery.Granularity;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

/**
 * The time structure the detector assumes for a granularity: which seasonal slot a bucket falls in
 * (day of week; hour of day on working days and on rest days), and the spans it learns over.
 */
final class SeasonalProfile {
    final Granularity granularity;
    final int slots;
    /** Buckets of history the baseline learns from. */
    final int window;
    /** Buckets whose median is the current level. */
    final int levelSpan;
    /** History needed before a bucket is scored. */
    final int minimumHistory;
    /** Buckets without spend before the first spend that make a series new. */
    final int leadingZeros;
    /** Buckets between refreshes of the seasonal factors and the noise. */
    final int refresh;
    /** Buckets of residuals the noise is measured on. */
    final int noiseSpan;
    final String bucketName;
    private final HolidayCalendar holidays;

    private SeasonalProfile(Granularity granularity, int slots, int window, int levelSpan, int minimumHistory, int leadingZeros, int refresh, int noiseSpan,
            String bucketName, HolidayCalendar holidays) {
        this.granularity = granularity;
        this.slots = slots;
        this.window = window;
        this.levelSpan = levelSpan;
        this.minimumHistory = minimumHistory;
        this.leadingZeros = leadingZeros;
        this.refresh = refresh;
        this.noiseSpan = noiseSpan;
        this.bucketName = bucketName;
        this.holidays = holidays;
    }

    static SeasonalProfile of(Granularity granularity, HolidayCalendar holidays) {
        return switch (granularity) {
            case DAILY -> new SeasonalProfile(granularity, 8, 56, 14, 5, 7, 14, 28, "day", holidays);
            case HOURLY -> new SeasonalProfile(granularity, 48, 14 * 24, 7 * 24, 7 * 24, 24, 24, 7 * 24, "hour", holidays);
            case MONTHLY -> throw new IllegalArgumentException("monthly series are not scored");
        };
    }

    /**
     * Daily: the day of week (0 Monday .. 6 Sunday), 7 for a holiday. Hourly: the hour on working
     * days (0..23), the hour plus 24 on weekends and holidays.
     */
    int slot(LocalDateTime bucket) {
        boolean holiday = holidays.holiday(bucket.toLocalDate());
        DayOfWeek day = bucket.getDayOfWeek();
        return switch (granularity) {
            case DAILY -> holiday ? 7 : day.getValue() - 1;
            case HOURLY -> bucket.getHour() + (holiday || day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 24 : 0);
            case MONTHLY -> throw new IllegalArgumentException("monthly series are not scored");
        };
    }

    /** The slot whose pattern a slot borrows while it has no history of its own: a holiday is a Sunday. */
    int fallback(int slot) {
        return granularity == Granularity.DAILY && slot == 7 ? 6 : -1;
    }

    /** How many buckets make one seasonal cycle, for drift windows: a week either way. */
    int week() {
        return granularity == Granularity.DAILY ? 7 : 7 * 24;
    }
}
