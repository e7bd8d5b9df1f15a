package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.ReservedBucket;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A month's chargeback statement: for each owner (cost centre, or another dimension's value) its
 * direct spend by team, principal and model, its shares of the reserved buckets with the rule used,
 * and adjustments of closed months. The rounded charged lines add up to the month's invoices, to
 * the cent.
 *
 * @param month the billing period
 * @param dimension the allocation dimension owners are values of, e.g. {@code cost-center}
 * @param currency the billing currency
 * @param lines every line, owners in order
 * @param invoices the Bedrock spend of each invoice of the month
 * @param pools the reserved buckets before they were split
 * @param rules the shared-cost rules applied
 * @param closedAt when the month was closed; a closed statement is shown as it was closed
 */
public record Statement(YearMonth month, String dimension, String currency, List<StatementLine> lines, List<InvoiceTotal> invoices, List<SharedPool> pools,
        List<SharedCostRule> rules, Optional<Instant> closedAt) {
    public Statement {
        requireNonNull(month, "month is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(currency, "currency is null");
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
        invoices = List.copyOf(requireNonNull(invoices, "invoices is null"));
        pools = List.copyOf(requireNonNull(pools, "pools is null"));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireNonNull(closedAt, "closedAt is null");
    }

    public boolean closed() {
        return closedAt.isPresent();
    }

    /** The owners, in statement order. */
    public List<String> owners() {
        return lines.stream().map(StatementLine::owner).distinct().toList();
    }

    /** The sum of the invoices' rounded totals: what the charged lines must add up to. */
    public BigDecimal invoiceTotal() {
        return invoices.stream().map(InvoiceTotal::rounded).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The rounded direct and shared lines: equal to {@link #invoiceTotal()}. */
    public BigDecimal chargedTotal() {
        return sum(lines.stream().filter(line -> line.kind() != LineKind.ADJUSTMENT).toList());
    }

    public BigDecimal adjustmentTotal() {
        return sum(lines.stream().filter(line -> line.kind() == LineKind.ADJUSTMENT).toList());
    }

    public List<StatementLine> lines(String owner) {
        return lines.stream().filter(line -> line.owner().equals(owner)).toList();
    }

    /** Per owner: direct, shares per bucket, adjustments and total, all rounded. */
    public List<OwnerSummary> summary() {
        List<OwnerSummary> summaries = new ArrayList<>();
        for (String owner : owners()) {
            BigDecimal direct = BigDecimal.ZERO;
            BigDecimal adjustments = BigDecimal.ZERO;
            Map<String, BigDecimal> shared = new LinkedHashMap<>();
            for (StatementLine line : lines(owner)) {
                switch (line.kind()) {
                    case DIRECT -> direct = direct.add(line.rounded());
                    case SHARED -> shared.merge(line.source(), line.rounded(), BigDecimal::add);
                    case ADJUSTMENT -> adjustments = adjustments.add(line.rounded());
                }
            }
            summaries.add(new OwnerSummary(owner, direct, shared, adjustments));
        }
        return summaries;
    }

    /**
     * Before the shared costs were split: each owner's direct spend and each reserved bucket whole,
     * from the same rounded lines, so that before and after add up to the same total.
     */
    public Map<String, BigDecimal> before() {
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        for (StatementLine line : lines) {
            switch (line.kind()) {
                case DIRECT -> before.merge(line.owner(), line.rounded(), BigDecimal::add);
                case SHARED -> before.merge(line.source(), line.rounded(), BigDecimal::add);
                case ADJUSTMENT -> {
                    // Adjustments belong to other months: neither before nor after of this one.
                }
            }
        }
        return before;
    }

    /** True for an owner that is a reserved bucket nobody could be charged for. */
    public static boolean reserved(String owner) {
        return ReservedBucket.isReserved(owner);
    }

    private static BigDecimal sum(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::rounded).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One owner's rounded totals. */
    public record OwnerSummary(String owner, BigDecimal direct, Map<String, BigDecimal> shared, BigDecimal adjustments) {
        public OwnerSummary {
            requireNonNull(owner, "owner is null");
            requireNonNull(direct, "direct is null");
            shared = Map.copyOf(requireNonNull(shared, "shared is null"));
            requireNonNull(adjustments, "adjustments is null");
        }

        public BigDecimal sharedTotal() {
            return shared.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** What the owner is charged this month: direct, shares and adjustments. */
        public BigDecimal total() {
            return direct.add(sharedTotal()).add(adjustments);
        }
    }
}
