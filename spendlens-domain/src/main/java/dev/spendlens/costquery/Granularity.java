package dev.spendlens.costquery;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;

/** Time buckets of a cost query, as in Cost Explorer. */
public enum Granularity {
    HOURLY,
    DAILY,
    MONTHLY;

    public static Granularity parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "granularity '%s' is not one of HOURLY, DAILY, MONTHLY".formatted(value));
        }
    }
}
