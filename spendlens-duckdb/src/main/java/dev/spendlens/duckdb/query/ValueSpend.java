package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One value of a dimension and what it cost over a period.
 *
 * @param value the value as stored; reserved buckets such as {@code __unallocated__} included
 * @param unblendedCost the exact sum of unblended cost
 */
public record ValueSpend(String value, BigDecimal unblendedCost) {
    public ValueSpend {
        requireNonNull(value, "value is null");
        requireNonNull(unblendedCost, "unblendedCost is null");
    }
}
