package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * Spend carrying one tag value.
 *
 * @param key the full key of the CUR 2.0 tags map, with its source prefix: {@code iamPrincipal/team}
 * @param value the tag's value
 * @param unblendedCost the exact sum of unblended cost of the charges carrying it
 */
public record TagSpend(String key, String value, BigDecimal unblendedCost) {
    public TagSpend {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(unblendedCost, "unblendedCost is null");
    }
}
