package dev.spendlens.jobs;

import java.util.Locale;

/** What started a job run. */
public enum Trigger {
    SCHEDULE,
    API,
    CLI;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
