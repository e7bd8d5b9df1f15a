package dev.spendlens.budget;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A level at which a budget alerts: on actual spend or on the spend forecast for the period's end,
 * as a percentage of the budget or as an absolute amount in the budget's currency. Written
 * {@code 80%}, {@code forecast:100%}, {@code 5000} or {@code actual:4500}.
 */
public record BudgetThreshold(Basis basis, BigDecimal value, Unit unit) {
    /** What is compared with the threshold. */
    public enum Basis {
        ACTUAL,
        FORECAST
    }

    public enum Unit {
        PERCENT,
        ABSOLUTE
    }

    public BudgetThreshold {
        requireNonNull(basis, "basis is null");
        requireNonNull(value, "value is null");
        requireNonNull(unit, "unit is null");
        if (value.signum() <= 0) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "a budget threshold must be above 0, was " + value.toPlainString());
        }
    }

    public static BudgetThreshold parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Basis basis = Basis.ACTUAL;
        if (trimmed.startsWith("forecast:")) {
            basis = Basis.FORECAST;
            trimmed = trimmed.substring("forecast:".length());
        } else if (trimmed.startsWith("actual:")) {
            trimmed = trimmed.substring("actual:".length());
        }
        boolean percent = trimmed.endsWith("%");
        String number = percent ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        try {
            return new BudgetThreshold(basis, new BigDecimal(number.strip()), percent ? Unit.PERCENT : Unit.ABSOLUTE);
        } catch (NumberFormatException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "threshold '%s' is not like 80%%, forecast:100%% or 5000".formatted(text));
        }
    }

    /** The amount at which it is crossed, for a budget of {@code budget}. */
    public BigDecimal limit(BigDecimal budget) {
        return switch (unit) {
            case PERCENT -> budget.multiply(value).movePointLeft(2);
            case ABSOLUTE -> value;
        };
    }

    /** The written form, also its identity: {@code forecast:100%}. */
    public String key() {
        return basis.name().toLowerCase(Locale.ROOT) + ":" + value.stripTrailingZeros().toPlainString() + (unit == Unit.PERCENT ? "%" : "");
    }
}
