package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a closed month changed since it was closed, to be charged on a later statement.
 *
 * @param month the closed month
 * @param reason why it changed, e.g. {@code restated by the delivery of 2026-10-15}
 * @param byOwner owner -> exact change (now minus what was closed, minus adjustments already charged)
 * @param roundedTotal the change of the month's rounded invoice total
 */
public record AdjustmentInput(YearMonth month, String reason, Map<String, BigDecimal> byOwner, BigDecimal roundedTotal) {
    public AdjustmentInput {
        requireNonNull(month, "month is null");
        requireNonNull(reason, "reason is null");
        byOwner = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(byOwner, "byOwner is null")));
        requireNonNull(roundedTotal, "roundedTotal is null");
    }

    public BigDecimal total() {
        return byOwner.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
