package dev.spendlens.jobs;

/** The jobs Spendlens runs on its store, one at a time: on a schedule in {@code serve}, or on request. */
public enum Job {
    /** Ingest sources, then react to the new data (detect anomalies, send immediate alerts, check budgets). */
    INGEST("ingest"),
    /** Send the daily digests waiting in the alert outbox. */
    DAILY_DIGEST("daily-digest"),
    /** Send the weekly digests. */
    WEEKLY_DIGEST("weekly-digest"),
    /** Run the anomaly monitors (on request). */
    ANOMALY_DETECTION("anomaly-detection"),
    /** Send an outbox on request: a digest, or alerts deferred after failing. */
    ANOMALY_NOTIFY("anomaly-notify"),
    /** Check the budgets (on request). */
    BUDGET_CHECK("budget-check");

    private final String label;

    Job(String label) {
        this.label = label;
    }

    /** The job's name in logs, {@code /healthz}, {@code /metrics} and table {@code job_runs}. */
    public String label() {
        return label;
    }
}
