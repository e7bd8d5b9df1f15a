package dev.spendlens.alert;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * When an alert is big enough to send, as AWS Cost Anomaly Detection's threshold expressions:
 * an absolute amount, a percentage, or both combined with AND or OR. No bound at all lets every
 * alert through.
 *
 * @param absolute the least {@link Alert#amount()}
 * @param percent the least {@link Alert#percent()}; an alert without a percent never meets it
 * @param combination how the two combine when both are set
 */
public record Threshold(Optional<BigDecimal> absolute, Optional<BigDecimal> percent, Combination combination) {
    /** How two bounds combine. */
    public enum Combination {
        AND,
        OR;

        public static Combination parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "threshold combination '%s' is not AND or OR".formatted(value));
            }
        }
    }

    public Threshold {
        requireNonNull(absolute, "absolute is null");
        requireNonNull(percent, "percent is null");
        requireNonNull(combination, "combination is null");
        absolute.ifPresent(value -> requireNotNegative(value, "absolute"));
        percent.ifPresent(value -> requireNotNegative(value, "percent"));
    }

    public static Threshold none() {
        return new Threshold(Optional.empty(), Optional.empty(), Combination.OR);
    }

    public static Threshold absolute(BigDecimal amount) {
        return new Threshold(Optional.of(amount), Optional.empty(), Combination.OR);
    }

    public boolean met(Alert alert) {
        if (absolute.isEmpty() && percent.isEmpty()) {
            return true;
        }
        boolean amountMet = absolute.map(bound -> alert.amount().compareTo(bound) >= 0).orElse(combination == Combination.AND);
        boolean percentMet = percent.map(bound -> alert.percent().map(value -> value.compareTo(bound) >= 0).orElse(false))
                .orElse(combination == Combination.AND);
        return switch (combination) {
            case AND -> amountMet && percentMet;
            case OR -> amountMet || percentMet;
        };
    }

    private static void requireNotNegative(BigDecimal value, String name) {
        if (value.signum() < 0) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "threshold %s must not be negative, was %s".formatted(name, value.toPlainString()));
        }
    }
}
