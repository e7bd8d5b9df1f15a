package dev.spendlens.finance.statement;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.InvoiceTotal;
import dev.spendlens.chargeback.SharedPool;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.chargeback.StatementLine;

import java.time.YearMonth;
import java.util.Optional;

/** A statement as JSON for the REST API: amounts as exact decimal strings, rounded beside exact. */
public final class StatementJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatementJson() {}

    public static ObjectNode write(Statement statement, Optional<ConvertedStatement> display) {
        ObjectNode root = JSON.objectNode();
        root.put("Month", statement.month().toString());
        root.put("Dimension", statement.dimension());
        root.put("Currency", statement.currency());
        root.put("Status", statement.closed() ? "CLOSED" : "OPEN");
        statement.closedAt().ifPresent(at -> root.put("ClosedAt", at.toString()));
        display.ifPresent(converted -> {
            ObjectNode node = root.putObject("DisplayCurrency");
            node.put("Currency", converted.currency());
            node.put("Rate", converted.rate().toPlainString());
            node.put("RateDate", converted.rateDate().toString());
        });
        ObjectNode before = root.putObject("Before");
        statement.before().forEach((owner, amount) -> before.put(owner, amount.toPlainString()));
        ArrayNode owners = root.putArray("Owners");
        for (Statement.OwnerSummary owner : statement.summary()) {
            ObjectNode node = owners.addObject();
            node.put("Owner", owner.owner());
            node.put("Direct", owner.direct().toPlainString());
            ObjectNode shared = node.putObject("Shared");
            owner.shared().forEach((bucket, amount) -> shared.put(bucket, amount.toPlainString()));
            node.put("Adjustments", owner.adjustments().toPlainString());
            node.put("Total", owner.total().toPlainString());
            display.ifPresent(converted -> node.put("DisplayTotal", converted.total(statement, line -> line.owner().equals(owner.owner())).toPlainString()));
        }
        ArrayNode lines = root.putArray("Lines");
        for (int i = 0; i < statement.lines().size(); i++) {
            StatementLine line = statement.lines().get(i);
            ObjectNode node = lines.addObject();
            node.put("Owner", line.owner());
            node.put("Kind", line.kind().name());
            node.put("Team", line.team());
            node.put("Principal", line.principal());
            node.put("Model", line.model());
            node.put("Source", line.source());
            node.put("Detail", line.detail());
            line.adjustedMonth().map(YearMonth::toString).ifPresent(month -> node.put("AdjustedMonth", month));
            node.put("Tokens", line.tokens().toPlainString());
            line.pricePerMillionTokens().ifPresent(price -> node.put("PricePerMillionTokens", price.toPlainString()));
            node.put("Amount", line.rounded().toPlainString());
            node.put("ExactAmount", line.amount().toPlainString());
            int index = i;
            display.ifPresent(converted -> node.put("DisplayAmount", converted.amounts().get(index).toPlainString()));
        }
        ArrayNode pools = root.putArray("SharedCosts");
        for (SharedPool pool : statement.pools()) {
            ObjectNode node = pools.addObject();
            node.put("Bucket", pool.bucket());
            node.put("Rule", pool.rule().map(rule -> rule.describe()).orElse("not split: nobody to charge"));
            node.put("Amount", pool.amount().toPlainString());
            ObjectNode composition = node.putObject("Holds");
            pool.composition().forEach((category, amount) -> composition.put(category, amount.toPlainString()));
        }
        ArrayNode invoices = root.putArray("Invoices");
        for (InvoiceTotal invoice : statement.invoices()) {
            ObjectNode node = invoices.addObject();
            node.put("InvoiceId", invoice.invoiceId());
            node.put("Amount", invoice.rounded().toPlainString());
            node.put("ExactAmount", invoice.amount().toPlainString());
        }
        root.put("InvoiceTotal", statement.invoiceTotal().toPlainString());
        root.put("ChargedTotal", statement.chargedTotal().toPlainString());
        root.put("AdjustmentTotal", statement.adjustmentTotal().toPlainString());
        return root;
    }
}
