package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * An injected anomaly on one series (principal x model).
 *
 * @param id stable id, {@code A1}
 * @param kind what happens
 * @param workload the series it happens on
 * @param principalArn the caller ARN of its lines while it lasts
 * @param startDay first day (export day index)
 * @param startHour first hour, for hourly exports
 * @param endDay last day
 * @param endHour last hour, for hourly exports
 */
record Anomaly(String id, AnomalyKind kind, Workload workload, String principalArn, int startDay, OptionalInt startHour, int endDay,
        OptionalInt endHour) {
    Anomaly {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(workload, "workload is null");
        requireNonNull(principalArn, "principalArn is null");
        requireNonNull(startHour, "startHour is null");
        requireNonNull(endHour, "endHour is null");
    }
}
