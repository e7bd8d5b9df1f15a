package dev.spendlens.costquery;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** An exact amount and its unit: a currency for costs, {@code N/A} or the usage unit otherwise. */
public record MetricValue(BigDecimal amount, String unit) {
    public MetricValue {
        requireNonNull(amount, "amount is null");
        requireNonNull(unit, "unit is null");
    }
}
