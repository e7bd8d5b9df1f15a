package dev.spendlens.jobs;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.anomalies.DetectionRun;
import dev.spendlens.finance.BudgetAlerts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What Spendlens did after an ingest: alerts deferred earlier tried again, the anomaly monitors run
 * (and their immediate alerts sent), every budget checked.
 *
 * @param retried the earlier alerts whose every attempt had failed, tried again
 * @param detection the monitors' run
 * @param budgets the budget alerts raised (thresholds crossed for the first time this period)
 * @param channels whether any alert channel could be reached (false without {@code alerts.channels}, and in the demo)
 */
public record AfterIngestReport(DispatchReport retried, DetectionRun detection, List<BudgetAlerts.Raised> budgets, boolean channels) {
    public AfterIngestReport {
        requireNonNull(retried, "retried is null");
        requireNonNull(detection, "detection is null");
        budgets = List.copyOf(requireNonNull(budgets, "budgets is null"));
    }

    /** Every dispatch of the run: retries, anomaly alerts, budget alerts. */
    public DispatchReport dispatch() {
        DispatchReport all = retried.plus(detection.dispatch());
        for (BudgetAlerts.Raised raised : budgets) {
            all = all.plus(raised.dispatch());
        }
        return all;
    }

    /** One line: anomalies found and updated, alerts sent, budgets crossed. */
    public String summary() {
        DetectionRun run = detection;
        DispatchReport all = dispatch();
        String alerts = channels
                ? "alerts %d delivered, %d deferred, %d queued for digests, %d unrouted".formatted(all.delivered(), all.deferred(), all.queued(), all.unrouted())
                : "alerts not sent (no alert channel: kept in the store and the delivery log)";
        String crossed = budgets.isEmpty() ? "budgets crossed: none"
                : "budgets crossed: %d (%s)".formatted(budgets.size(), budgets.stream().map(raised -> raised.budget() + " " + raised.threshold())
                        .collect(Collectors.joining(", ")));
        return "anomalies %d new, %d updated (%d recent enough to alert); %s; %s".formatted(run.created(), run.updated(), run.alerted(), alerts, crossed);
    }
}
