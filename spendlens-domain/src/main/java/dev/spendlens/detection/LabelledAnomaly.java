package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A known anomaly to measure detectors against (from a generator's {@code labels.json}).
 *
 * @param id its id
 * @param kind what was injected ({@code spike}, {@code level_shift} ...)
 * @param identity who it happened to: the series identity detections are matched on
 * @param start first day
 * @param end last day
 */
public record LabelledAnomaly(String id, String kind, String identity, LocalDate start, LocalDate end) {
    public LabelledAnomaly {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }
}
