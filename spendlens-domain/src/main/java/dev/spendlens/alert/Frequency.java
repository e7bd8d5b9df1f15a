package dev.spendlens.alert;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;

/** When a subscription's alerts leave: at once, or gathered into a daily or weekly digest (as in AWS Cost Anomaly Detection). */
public enum Frequency {
    IMMEDIATE,
    DAILY,
    WEEKLY;

    public static Frequency parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "frequency '%s' is not one of IMMEDIATE, DAILY, WEEKLY".formatted(value));
        }
    }
}
