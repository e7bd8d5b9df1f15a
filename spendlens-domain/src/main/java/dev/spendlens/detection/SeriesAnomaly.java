package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/**
 * An anomaly found on one series, before its money is summed exactly and explained.
 *
 * @param key the series
 * @param kind its shape
 * @param startIndex first anomalous bucket
 * @param endIndex last anomalous bucket (inclusive)
 * @param start the first bucket's start
 * @param end the end of the last bucket (exclusive)
 * @param ongoing whether it still lasts in the last bucket of the series
 * @param expected the baseline's spend over the anomaly's buckets
 * @param actual the series' spend over them
 * @param score the highest score reached: robust standard deviations above the baseline
 * @param explanation what the baseline was and why, in plain language
 */
public record SeriesAnomaly(String key, AnomalyKind kind, int startIndex, int endIndex, LocalDateTime start, LocalDateTime end, boolean ongoing,
        double expected, double actual, double score, String explanation) {
    public SeriesAnomaly {
        requireNonNull(key, "key is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(explanation, "explanation is null");
    }

    public double impact() {
        return actual - expected;
    }
}
