package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.chargeback.AdjustmentInput;
import dev.spendlens.chargeback.ChargeLine;
import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.LineKind;
import dev.spendlens.chargeback.SharedCostRule;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.chargeback.StatementBuilder;
import dev.spendlens.chargeback.StatementLine;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.finance.ChargebackClosings;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.money.ExchangeRates;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chargeback and showback statements: built from the store for an open month, read back as they
 * were for a closed one, with every change to a closed month charged as an adjustment on the first
 * open month after it.
 */
public final class ChargebackService {
    private final StoreAccess access;
    private final List<SharedCostRule> rules;
    private final ExchangeRates rates;
    private final ChargebackClosings closings;

    public ChargebackService(StoreAccess access, List<SharedCostRule> rules, ExchangeRates rates) {
        this.access = requireNonNull(access, "access is null");
        this.rules = SharedCostRule.complete(requireNonNull(rules, "rules is null"));
        this.rates = requireNonNull(rates, "rates is null");
        this.closings = new ChargebackClosings(access.store());
    }

    /** The statement of a month by the values of {@code dimension}: as closed, or built now with pending adjustments. */
    public Statement statement(YearMonth month, String dimension) {
        checkDimension(dimension);
        Optional<Statement> closed = closings.closed(month, dimension);
        if (closed.isPresent()) {
            return closed.get();
        }
        return StatementBuilder.build(month, dimension, access.engine().currency(), charges(month, dimension), rules, adjustments(month, dimension));
    }

    /** Closes (locks) a month: its statement is stored as it is now. */
    public Statement close(YearMonth month, String dimension) {
        Statement statement = statement(month, dimension);
        if (statement.closed()) {
            throw new SpendlensException(ErrorCode.CONFLICT, "%s is already closed for %s (at %s); a closed month stays as it was closed"
                    .formatted(month, dimension, statement.closedAt().orElseThrow()));
        }
        if (statement.lines().isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the store holds no Bedrock spend for %s: ingest its export before closing it".formatted(month));
        }
        closings.close(statement, access.clock().instant());
        return closings.closed(month, dimension).orElseThrow();
    }

    public List<ChargebackClosings.Closing> closings(String dimension) {
        checkDimension(dimension);
        return closings.closings(dimension);
    }

    /** The statement's amounts in a display currency, at the rate dated on or before the month's last day. */
    public ConvertedStatement convert(Statement statement, String currency) {
        java.time.LocalDate day = statement.month().atEndOfMonth();
        return ConvertedStatement.of(statement, currency, rates.require(statement.currency(), currency, day), day);
    }

    /** The month's spend grouped by everything a statement shows. */
    public List<ChargeLine> charges(YearMonth month, String dimension) {
        FieldParser fields = access.fields();
        List<Field> groupBy = new ArrayList<>();
        groupBy.add(fields.allocation(dimension));
        boolean byTeam = dimension.equals("team");
        if (!byTeam) {
            groupBy.add(fields.allocation("team"));
        }
        for (String key : List.of("PRINCIPAL", "MODEL", "RECORD_TYPE", "USAGE_CATEGORY", "INVOICE_ID")) {
            groupBy.add(fields.parse(key));
        }
        CostQuery query = new CostQuery(new TimePeriod(month.atDay(1), month.plusMonths(1).atDay(1)), Granularity.MONTHLY,
                List.of(Metric.UNBLENDED_COST, Metric.TOKENS, Metric.USAGE_QUANTITY), groupBy, Optional.empty());
        CostResult result = access.engine().run(query);
        List<ChargeLine> charges = new ArrayList<>();
        int offset = byTeam ? 0 : 1;
        for (ResultByTime bucket : result.resultsByTime()) {
            for (CostGroup group : bucket.groups()) {
                List<String> keys = group.keys();
                String recordType = keys.get(3 + offset);
                String category = recordType.equals("Usage") ? keys.get(4 + offset).toLowerCase(java.util.Locale.ROOT).replace('_', '-') : recordType;
                charges.add(new ChargeLine(keys.get(0), keys.get(offset), keys.get(1 + offset), keys.get(2 + offset), category, keys.get(5 + offset),
                        group.metrics().get(Metric.TOKENS).amount(), group.metrics().get(Metric.USAGE_QUANTITY).amount(),
                        group.metrics().get(Metric.UNBLENDED_COST).amount()));
            }
        }
        return charges;
    }

    // Each closed month's change is charged on the first open month after it: every month between them must be closed.
    private List<AdjustmentInput> adjustments(YearMonth month, String dimension) {
        List<ChargebackClosings.Closing> closed = closings.closings(dimension);
        List<YearMonth> closedMonths = closed.stream().map(ChargebackClosings.Closing::month).toList();
        List<AdjustmentInput> adjustments = new ArrayList<>();
        for (ChargebackClosings.Closing closing : closed) {
            if (!closing.month().isBefore(month)) {
                continue;
            }
            boolean firstOpenAfter = true;
            for (YearMonth between = closing.month().plusMonths(1); between.isBefore(month); between = between.plusMonths(1)) {
                firstOpenAfter &= closedMonths.contains(between);
            }
            if (!firstOpenAfter) {
                continue;
            }
            Statement then = closings.closed(closing.month(), dimension).orElseThrow();
            Statement now = StatementBuilder.build(closing.month(), dimension, then.currency(), charges(closing.month(), dimension), closing.rules(), List.of());
            Map<String, BigDecimal> charged = closings.chargedAdjustments(closing.month(), dimension);
            Map<String, BigDecimal> delta = new LinkedHashMap<>();
            owned(now).forEach((owner, amount) -> delta.merge(owner, amount, BigDecimal::add));
            owned(then).forEach((owner, amount) -> delta.merge(owner, amount.negate(), BigDecimal::add));
            charged.forEach((owner, amount) -> delta.merge(owner, amount.negate(), BigDecimal::add));
            delta.values().removeIf(amount -> amount.signum() == 0);
            if (delta.isEmpty()) {
                continue;
            }
            BigDecimal roundedChange = now.invoiceTotal().subtract(then.invoiceTotal()).subtract(closings.chargedAdjustmentsRounded(closing.month(), dimension));
            adjustments.add(new AdjustmentInput(closing.month(), reason(closing, then, now), delta, roundedChange));
        }
        return adjustments;
    }

    private String reason(ChargebackClosings.Closing closing, Statement then, Statement now) {
        List<ChargebackClosings.Delivery> deliveries = closings.deliveriesSince(closing.month(), closing.closedAt());
        if (deliveries.isEmpty()) {
            return "%s re-allocated after its closing (rules, people or tags changed)".formatted(closing.month());
        }
        ChargebackClosings.Delivery last = deliveries.get(deliveries.size() - 1);
        return "%s restated by AWS: delivery ingested %s changed the invoices from %s to %s %s".formatted(closing.month(),
                last.ingestedAt().atOffset(ZoneOffset.UTC).toLocalDate(), then.invoiceTotal().toPlainString(), now.invoiceTotal().toPlainString(), now.currency());
    }

    private static Map<String, BigDecimal> owned(Statement statement) {
        Map<String, BigDecimal> owned = new LinkedHashMap<>();
        for (StatementLine line : statement.lines()) {
            if (line.kind() != LineKind.ADJUSTMENT) {
                owned.merge(line.owner(), line.amount(), BigDecimal::add);
            }
        }
        return owned;
    }

    private void checkDimension(String dimension) {
        access.fields().allocation(dimension);
    }
}
