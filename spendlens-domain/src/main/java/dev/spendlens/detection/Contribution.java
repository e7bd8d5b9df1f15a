package dev.spendlens.detection;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * How much one principal x model x token type x account cell moved an anomaly.
 *
 * @param principal the caller
 * @param model the model
 * @param tokenType the token type
 * @param account the linked account
 * @param expected its share of the expected spend
 * @param actual its spend during the anomaly
 */
public record Contribution(String principal, String model, String tokenType, String account, BigDecimal expected, BigDecimal actual) {
    public Contribution {
        requireNonNull(principal, "principal is null");
        requireNonNull(model, "model is null");
        requireNonNull(tokenType, "tokenType is null");
        requireNonNull(account, "account is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(actual, "actual is null");
    }

    /** Its part of the impact: actual minus expected. */
    public BigDecimal change() {
        return actual.subtract(expected);
    }
}
