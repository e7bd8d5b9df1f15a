package dev.spendlens.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.api.CostAndUsageResponse;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.Page;

import java.math.BigDecimal;

/** The small JSON pieces every endpoint writes the same way: amounts, periods and page footers. */
final class ApiJson {
    private ApiJson() {}

    /** {@code "field": {"Amount": "12.5", "Unit": "USD"}}, the amount exact, as in GetCostAndUsage. */
    static void money(ObjectNode parent, String field, BigDecimal amount, String currency) {
        parent.set(field, money(amount, currency));
    }

    static ObjectNode money(BigDecimal amount, String currency) {
        ObjectNode money = Json.MAPPER.createObjectNode();
        money.put("Amount", CostAndUsageResponse.amount(amount));
        money.put("Unit", currency);
        return money;
    }

    static void period(ObjectNode parent, TimePeriod period) {
        ObjectNode node = parent.putObject("TimePeriod");
        node.put("Start", period.start().toString());
        node.put("End", period.end().toString());
    }

    static void pageFooter(ObjectNode parent, Page<?> page) {
        parent.put("ReturnSize", page.items().size());
        parent.put("TotalSize", page.totalSize());
        page.nextPageToken().ifPresent(token -> parent.put("NextPageToken", token));
    }
}
