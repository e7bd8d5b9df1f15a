package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.Granularity;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

/**
 * Spend per bucket of one series, buckets without spend included as 0. Values are doubles because
 * they only feed the statistics; the money reported for an anomaly is summed exactly elsewhere.
 *
 * @param key what the series is, such as {@code PRINCIPAL=arn:aws:iam::1:user/alice}
 * @param granularity daily or hourly buckets
 * @param start the first bucket's start
 * @param values spend of each bucket, in order
 * @param group the series this one is part of, when a new series may just replace an old one
 *              (a principal's role: agent and container sessions are renamed every few days)
 */
public record TimeSeries(String key, Granularity granularity, LocalDateTime start, double[] values, Optional<String> group) {
    public TimeSeries {
        requireNonNull(key, "key is null");
        requireNonNull(granularity, "granularity is null");
        requireNonNull(start, "start is null");
        requireNonNull(values, "values is null");
        requireNonNull(group, "group is null");
        if (granularity == Granularity.MONTHLY) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "anomaly detection works on DAILY or HOURLY series, not MONTHLY");
        }
    }

    public static TimeSeries of(String key, Granularity granularity, LocalDateTime start, double[] values) {
        return new TimeSeries(key, granularity, start, values, Optional.empty());
    }

    public int size() {
        return values.length;
    }

    /** The start of bucket {@code index}. */
    public LocalDateTime at(int index) {
        return granularity == Granularity.HOURLY ? start.plusHours(index) : start.plusDays(index);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeSeries series && key.equals(series.key) && granularity == series.granularity && start.equals(series.start)
                && Arrays.equals(values, series.values) && group.equals(series.group);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[%s, %s from %s, %d buckets]".formatted(key, granularity, start, values.length);
    }
}
