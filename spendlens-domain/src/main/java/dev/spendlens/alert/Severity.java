package dev.spendlens.alert;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;

/** How urgent an alert is, least urgent first, so that {@code compareTo} orders them. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public static Severity parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "severity '%s' is not one of INFO, WARNING, CRITICAL".formatted(value));
        }
    }
}
