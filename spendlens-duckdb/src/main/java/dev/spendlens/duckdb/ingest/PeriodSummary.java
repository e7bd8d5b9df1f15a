package dev.spendlens.duckdb.ingest;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One billing period written by an ingest.
 *
 * @param payerAccountId the payer whose invoice this is
 * @param billingPeriod the month
 * @param granularity HOURLY when the export had hourly lines, DAILY otherwise
 * @param currency the billing currency
 * @param lineItems Bedrock line items read
 * @param unblendedCost the Bedrock cost now stored, exactly as the source sums
 * @param previousUnblendedCost the cost stored before, when this delivery restated an earlier one
 */
public record PeriodSummary(String payerAccountId, YearMonth billingPeriod, String granularity, String currency, long lineItems,
        BigDecimal unblendedCost, Optional<BigDecimal> previousUnblendedCost) {
    public PeriodSummary {
        requireNonNull(payerAccountId, "payerAccountId is null");
        requireNonNull(billingPeriod, "billingPeriod is null");
        requireNonNull(granularity, "granularity is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(unblendedCost, "unblendedCost is null");
        requireNonNull(previousUnblendedCost, "previousUnblendedCost is null");
    }

    public boolean restated() {
        return previousUnblendedCost.isPresent();
    }
}
