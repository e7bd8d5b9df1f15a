package dev.spendlens.anomaly;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;

/** What a person said about an anomaly, as in AWS Cost Anomaly Detection. */
public enum Feedback {
    /** A real anomaly. */
    YES,
    /** Not an anomaly (a false positive). */
    NO,
    /** Expected: planned activity. New anomalies of the same series stay quiet for a while. */
    PLANNED_ACTIVITY;

    public static Feedback parse(String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (wanted.equals("PLANNED")) {
            return PLANNED_ACTIVITY;
        }
        try {
            return valueOf(wanted);
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "feedback '%s' is not one of yes, no, planned".formatted(value));
        }
    }
}
