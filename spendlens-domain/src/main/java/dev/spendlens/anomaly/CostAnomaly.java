package dev.spendlens.anomaly;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.AnomalyKind;
import dev.spendlens.detection.Contribution;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A cost anomaly as Spendlens keeps and reports it: found by a monitor on one series, summed
 * exactly, explained and owned.
 *
 * @param id stable id: the same monitor, series, granularity and start give the same id on every run
 * @param monitor the monitor that found it
 * @param granularity daily or hourly
 * @param seriesKey the series (a dimension's value, or {@code TOTAL} for a custom monitor)
 * @param kind spike, level shift, drift, new series or runaway
 * @param start the first anomalous bucket's start
 * @param end the end of the last anomalous bucket (exclusive)
 * @param ongoing whether it lasted into the last bucket seen
 * @param expected the baseline's spend over it
 * @param actual the spend over it, exact
 * @param score robust standard deviations above the baseline
 * @param scoreMeaning the score in words
 * @param explanation what baseline was expected and why
 * @param owner the team it belongs to, when known
 * @param rootCause the contributions, biggest first; their changes sum to the impact
 * @param detectedAt when it was first found
 * @param suppressed why it is kept quiet (planned activity), if it is
 * @param feedback what a person said about it
 * @param feedbackNote their note
 */
public record CostAnomaly(String id, String monitor, Granularity granularity, String seriesKey, AnomalyKind kind, LocalDateTime start, LocalDateTime end,
        boolean ongoing, BigDecimal expected, BigDecimal actual, double score, String scoreMeaning, String explanation, Optional<String> owner,
        List<Contribution> rootCause, Instant detectedAt, Optional<String> suppressed, Optional<Feedback> feedback, Optional<String> feedbackNote) {
    public CostAnomaly {
        requireNonNull(id, "id is null");
        requireNonNull(monitor, "monitor is null");
        requireNonNull(granularity, "granularity is null");
        requireNonNull(seriesKey, "seriesKey is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(actual, "actual is null");
        requireNonNull(scoreMeaning, "scoreMeaning is null");
        requireNonNull(explanation, "explanation is null");
        requireNonNull(owner, "owner is null");
        rootCause = List.copyOf(requireNonNull(rootCause, "rootCause is null"));
        requireNonNull(detectedAt, "detectedAt is null");
        requireNonNull(suppressed, "suppressed is null");
        requireNonNull(feedback, "feedback is null");
        requireNonNull(feedbackNote, "feedbackNote is null");
    }

    /** Actual minus expected. */
    public BigDecimal impact() {
        return actual.subtract(expected);
    }

    /** The impact as a percentage of the expected spend; empty when nothing was expected (a new series). */
    public Optional<BigDecimal> impactPercent() {
        if (expected.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(impact().multiply(BigDecimal.valueOf(100)).divide(expected, 1, java.math.RoundingMode.HALF_UP));
    }

    public CostAnomaly withFeedback(Optional<Feedback> feedback, Optional<String> note) {
        return new CostAnomaly(id, monitor, granularity, seriesKey, kind, start, end, ongoing, expected, actual, score, scoreMeaning, explanation, owner, rootCause,
                detectedAt, suppressed, feedback, note);
    }

    public CostAnomaly withDetectedAt(Instant detectedAt) {
        return new CostAnomaly(id, monitor, granularity, seriesKey, kind, start, end, ongoing, expected, actual, score, scoreMeaning, explanation, owner, rootCause,
                detectedAt, suppressed, feedback, feedbackNote);
    }

    public CostAnomaly withSuppressed(Optional<String> suppressed) {
        return new CostAnomaly(id, monitor, granularity, seriesKey, kind, start, end, ongoing, expected, actual, score, scoreMeaning, explanation, owner, rootCause,
                detectedAt, suppressed, feedback, feedbackNote);
    }
}
