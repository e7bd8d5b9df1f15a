package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.money.Apportionment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a month's statement from its charge lines: direct spend grouped per owner, team, principal
 * and model; each reserved bucket split exactly (to 10 decimal places, largest remainder) by its
 * rule; then every line rounded so that owners add up to the invoices and each owner's lines add up
 * to the owner, to the cent.
 */
public final class StatementBuilder {
    /** The store's exact scale: DECIMAL(38,10). */
    static final int EXACT_SCALE = 10;
    private static final List<ReservedBucket> BUCKETS = List.of(ReservedBucket.UNALLOCATED, ReservedBucket.NO_CALLER);

    private StatementBuilder() {}

    public static Statement build(YearMonth month, String dimension, String currency, List<ChargeLine> charges, List<SharedCostRule> rules,
            List<AdjustmentInput> adjustments) {
        requireNonNull(charges, "charges is null");
        List<SharedCostRule> complete = SharedCostRule.complete(rules);
        int scale = fractionDigits(currency);

        Map<String, BigDecimal> invoiceSums = new TreeMap<>();
        Map<List<String>, BigDecimal[]> direct = new LinkedHashMap<>();
        Map<String, BigDecimal> ownerDirect = new LinkedHashMap<>();
        Map<ReservedBucket, List<ChargeLine>> bucketCharges = new LinkedHashMap<>();
        for (ChargeLine charge : charges) {
            invoiceSums.merge(charge.invoiceId(), charge.cost(), BigDecimal::add);
            Optional<ReservedBucket> bucket = BUCKETS.stream().filter(candidate -> candidate.label().equals(charge.owner())).findFirst();
            if (bucket.isPresent()) {
                bucketCharges.computeIfAbsent(bucket.get(), ignored -> new ArrayList<>()).add(charge);
            } else {
                addDirect(direct, charge.owner(), charge);
                ownerDirect.merge(charge.owner(), charge.cost(), BigDecimal::add);
            }
        }

        List<StatementLine> lines = new ArrayList<>();
        direct.forEach((key, sums) -> lines.add(new StatementLine(key.get(0), LineKind.DIRECT, key.get(1), key.get(2), key.get(3), "", "", Optional.empty(),
                sums[0], sums[1], sums[2], BigDecimal.ZERO)));
        List<SharedPool> pools = new ArrayList<>();
        for (ReservedBucket bucket : BUCKETS) {
            List<ChargeLine> held = bucketCharges.getOrDefault(bucket, List.of());
            if (held.isEmpty()) {
                continue;
            }
            BigDecimal amount = held.stream().map(ChargeLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, BigDecimal> composition = new TreeMap<>();
            held.forEach(charge -> composition.merge(charge.category(), charge.cost(), BigDecimal::add));
            SharedCostRule rule = complete.stream().filter(candidate -> candidate.bucket() == bucket).findFirst().orElseThrow();
            List<String> takers = takers(rule, ownerDirect);
            if (takers.isEmpty()) {
                // Nobody to charge: the bucket is an owner of its own, shown with its lines.
                Map<List<String>, BigDecimal[]> own = new LinkedHashMap<>();
                held.forEach(charge -> addDirect(own, bucket.label(), charge));
                own.forEach((key, sums) -> lines.add(new StatementLine(key.get(0), LineKind.DIRECT, key.get(1), key.get(2), key.get(3), "", "", Optional.empty(),
                        sums[0], sums[1], sums[2], BigDecimal.ZERO)));
                pools.add(new SharedPool(bucket.label(), Optional.empty(), amount, composition));
                continue;
            }
            List<BigDecimal> weights = takers.stream().map(owner -> weight(rule, owner, ownerDirect)).toList();
            List<BigDecimal> shares = Apportionment.split(amount.setScale(EXACT_SCALE, RoundingMode.UNNECESSARY), weights, EXACT_SCALE);
            BigDecimal weightSum = weights.stream().map(weight -> weight.max(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < takers.size(); i++) {
                String percent = weightSum.signum() == 0 ? "" : " (%s%%)".formatted(weights.get(i).max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100))
                        .divide(weightSum, new MathContext(10)).setScale(2, RoundingMode.HALF_UP).toPlainString());
                lines.add(new StatementLine(takers.get(i), LineKind.SHARED, "", "", "", bucket.label(), rule.describe() + percent, Optional.empty(),
                        BigDecimal.ZERO, BigDecimal.ZERO, shares.get(i), BigDecimal.ZERO));
            }
            pools.add(new SharedPool(bucket.label(), Optional.of(rule), amount, composition));
        }
        for (AdjustmentInput adjustment : adjustments) {
            adjustment.byOwner().forEach((owner, amount) -> lines.add(new StatementLine(owner, LineKind.ADJUSTMENT, "", "", "", "", adjustment.reason(),
                    Optional.of(adjustment.month()), BigDecimal.ZERO, BigDecimal.ZERO, amount, BigDecimal.ZERO)));
        }

        List<InvoiceTotal> invoices = new ArrayList<>();
        invoiceSums.forEach((id, sum) -> invoices.add(new InvoiceTotal(id, sum, Apportionment.rounded(sum, scale))));
        BigDecimal target = invoices.stream().map(InvoiceTotal::rounded).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<StatementLine> rounded = roundCharged(lines, StatementLine::amount, target, scale, StatementLine::withRounded);
        List<StatementLine> withAdjustments = roundAdjustments(rounded, adjustments, scale);
        return new Statement(month, dimension, currency, order(withAdjustments), invoices, pools, complete, Optional.empty());
    }

    /** Rounds direct and shared lines: owners to the target, each owner's lines to the owner. Adjustment lines pass through. */
    static List<StatementLine> roundCharged(List<StatementLine> lines, Function<StatementLine, BigDecimal> exact, BigDecimal target, int scale,
            java.util.function.BiFunction<StatementLine, BigDecimal, StatementLine> withRounded) {
        Map<String, List<Integer>> byOwner = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() != LineKind.ADJUSTMENT) {
                byOwner.computeIfAbsent(lines.get(i).owner(), ignored -> new ArrayList<>()).add(i);
            }
        }
        List<StatementLine> result = new ArrayList<>(lines);
        if (byOwner.isEmpty()) {
            return result;
        }
        List<String> owners = new ArrayList<>(byOwner.keySet());
        List<BigDecimal> ownerExact = owners.stream().map(owner -> byOwner.get(owner).stream().map(i -> exact.apply(lines.get(i))).reduce(BigDecimal.ZERO, BigDecimal::add)).toList();
        List<BigDecimal> ownerRounded = Apportionment.round(ownerExact, target, scale);
        for (int o = 0; o < owners.size(); o++) {
            List<Integer> indexes = byOwner.get(owners.get(o));
            List<BigDecimal> amounts = Apportionment.round(indexes.stream().map(i -> exact.apply(lines.get(i))).toList(), ownerRounded.get(o), scale);
            for (int k = 0; k < indexes.size(); k++) {
                result.set(indexes.get(k), withRounded.apply(lines.get(indexes.get(k)), amounts.get(k)));
            }
        }
        return result;
    }

    private static List<StatementLine> roundAdjustments(List<StatementLine> lines, List<AdjustmentInput> adjustments, int scale) {
        List<StatementLine> result = new ArrayList<>(lines);
        for (AdjustmentInput adjustment : adjustments) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < result.size(); i++) {
                StatementLine line = result.get(i);
                if (line.kind() == LineKind.ADJUSTMENT && line.adjustedMonth().equals(Optional.of(adjustment.month()))) {
                    indexes.add(i);
                }
            }
            if (indexes.isEmpty()) {
                continue;
            }
            List<BigDecimal> amounts = Apportionment.round(indexes.stream().map(i -> result.get(i).amount()).toList(), adjustment.roundedTotal(), scale);
            for (int k = 0; k < indexes.size(); k++) {
                result.set(indexes.get(k), result.get(indexes.get(k)).withRounded(amounts.get(k)));
            }
        }
        return result;
    }

    // Owners by what they are charged, reserved buckets last; in an owner, direct lines biggest first, then shares, then adjustments.
    private static List<StatementLine> order(List<StatementLine> lines) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        lines.forEach(line -> totals.merge(line.owner(), line.amount(), BigDecimal::add));
        Comparator<StatementLine> byOwner = Comparator.<StatementLine, Boolean>comparing(line -> Statement.reserved(line.owner()))
                .thenComparing(line -> totals.get(line.owner()), Comparator.reverseOrder())
                .thenComparing(StatementLine::owner);
        return lines.stream().sorted(byOwner.thenComparing(StatementLine::kind)
                .thenComparing(StatementLine::amount, Comparator.reverseOrder())
                .thenComparing(line -> line.team() + "\u0000" + line.principal() + "\u0000" + line.model() + "\u0000" + line.source())).toList();
    }

    private static void addDirect(Map<List<String>, BigDecimal[]> direct, String owner, ChargeLine charge) {
        BigDecimal[] sums = direct.computeIfAbsent(List.of(owner, charge.team(), charge.principal(), charge.model()),
                ignored -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(charge.tokens());
        sums[1] = sums[1].add(charge.usage());
        sums[2] = sums[2].add(charge.cost());
    }

    private static List<String> takers(SharedCostRule rule, Map<String, BigDecimal> ownerDirect) {
        return switch (rule.method()) {
            case PROPORTIONAL, EVEN -> new ArrayList<>(ownerDirect.keySet());
            case FIXED -> {
                Set<String> owners = new LinkedHashSet<>(rule.percentages().keySet());
                yield new ArrayList<>(owners);
            }
        };
    }

    private static BigDecimal weight(SharedCostRule rule, String owner, Map<String, BigDecimal> ownerDirect) {
        return switch (rule.method()) {
            case PROPORTIONAL -> ownerDirect.getOrDefault(owner, BigDecimal.ZERO);
            case EVEN -> BigDecimal.ONE;
            case FIXED -> rule.percentages().get(owner);
        };
    }

    static int fractionDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
