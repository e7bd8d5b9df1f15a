package dev.spendlens.generator;

/** The {@code TIME_GRANULARITY} of the generated export: one line item per hour or per day of usage. */
public enum ExportGranularity {
    HOURLY,
    DAILY
}
