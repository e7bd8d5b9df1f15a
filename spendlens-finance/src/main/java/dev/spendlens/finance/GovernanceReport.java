package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Tag governance of a month: how much spend each dimension cannot name an owner for, and the
 * findings, biggest spend first within each kind.
 *
 * @param total the month's Bedrock spend
 * @param shares per allocation dimension, the spend in each reserved bucket
 */
public record GovernanceReport(YearMonth month, String currency, BigDecimal total, List<DimensionShare> shares, List<Finding> findings) {
    public GovernanceReport {
        requireNonNull(month, "month is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(total, "total is null");
        shares = List.copyOf(requireNonNull(shares, "shares is null"));
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
    }

    public List<Finding> findings(Finding.Kind kind) {
        return findings.stream().filter(finding -> finding.kind() == kind).toList();
    }

    /** A dimension's spend that names no owner: calls nobody owns, and charges without a caller. */
    public record DimensionShare(String dimension, BigDecimal unallocated, BigDecimal noCaller) {
        public DimensionShare {
            requireNonNull(dimension, "dimension is null");
            requireNonNull(unallocated, "unallocated is null");
            requireNonNull(noCaller, "noCaller is null");
        }
    }
}
