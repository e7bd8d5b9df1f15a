package dev.spendlens.detection;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Precision, recall, F1 and detection delay of a detector's anomalies against labelled ones. A
 * detection is true when it is on the identity of a labelled anomaly and overlaps its days; a label
 * is found when a true detection overlaps it; its delay is the days from its start to the first
 * such detection's start (0 when found on its first day).
 *
 * @param detections anomalies flagged
 * @param trueDetections of them, those matching a label
 * @param labels labelled anomalies
 * @param found labels found
 * @param foundOnFirstDay labels found on their first day
 * @param meanDelayDays mean delay over found labels
 * @param missed ids of the labels not found
 */
public record DetectionScore(int detections, int trueDetections, int labels, int found, int foundOnFirstDay, double meanDelayDays, List<String> missed) {
    public DetectionScore {
        missed = List.copyOf(missed);
    }

    public double precision() {
        return detections == 0 ? 0 : (double) trueDetections / detections;
    }

    public double recall() {
        return labels == 0 ? 0 : (double) found / labels;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * @param identity the identity of a series key (a principal's caller), so that a caller's
     *                 renamed sessions count as the same as in the labels
     */
    public static DetectionScore of(List<SeriesAnomaly> anomalies, List<LabelledAnomaly> labels, Function<String, String> identity) {
        int trueDetections = 0;
        Map<String, Long> delays = new java.util.TreeMap<>();
        for (SeriesAnomaly anomaly : anomalies) {
            String who = identity.apply(anomaly.key());
            boolean matched = false;
            for (LabelledAnomaly label : labels) {
                // The anomaly's end is exclusive: its last day is the day before.
                boolean overlaps = !anomaly.start().toLocalDate().isAfter(label.end()) && anomaly.end().toLocalDate().isAfter(label.start());
                if (label.identity().equals(who) && overlaps) {
                    matched = true;
                    long delay = Math.max(0, ChronoUnit.DAYS.between(label.start(), anomaly.start().toLocalDate()));
                    delays.merge(label.id(), delay, Math::min);
                }
            }
            if (matched) {
                trueDetections++;
            }
        }
        List<String> missed = new ArrayList<>();
        Set<String> found = new HashSet<>(delays.keySet());
        labels.stream().filter(label -> !found.contains(label.id())).forEach(label -> missed.add(label.id() + " " + label.kind()));
        double meanDelay = delays.values().stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
        int firstDay = (int) delays.values().stream().filter(delay -> delay == 0).count();
        return new DetectionScore(anomalies.size(), trueDetections, labels.size(), found.size(), firstDay, meanDelay, missed);
    }
}
