package dev.spendlens.anomalies;

import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.anomaly.CostAnomaly;

import java.time.LocalDate;
import java.util.List;

/**
 * What one run of the monitors did.
 *
 * @param from first day looked at
 * @param to the day after the last one looked at
 * @param series series scored, over all monitors and granularities
 * @param anomalies every anomaly found in the window (new and known), latest first
 * @param created how many of them were found for the first time
 * @param updated how many known ones changed since the last run (grew, ended, became another kind)
 * @param alerted anomalies handed to the dispatcher (recent, not suppressed, not dismissed)
 * @param dispatch what the dispatcher did; empty when no channel is configured
 */
public record DetectionRun(LocalDate from, LocalDate to, int series, List<CostAnomaly> anomalies, int created, int updated, int alerted, DispatchReport dispatch) {
    public DetectionRun {
        anomalies = List.copyOf(anomalies);
    }
}
