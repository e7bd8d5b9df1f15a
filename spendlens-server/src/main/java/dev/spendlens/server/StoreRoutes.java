package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.duckdb.query.StoreCoverage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;

/** {@code GET /api/v1/store}: the days and billing periods the store holds, its currency and size, and today's date. */
final class StoreRoutes implements ApiRoutes {
    private final ServerContext server;

    StoreRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/store", this::store);
    }

    private void store(Context context) {
        StoreCoverage coverage = StoreCoverage.read(server.store());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("Currency", coverage.currency());
        // The server's today, so that 'month to date' means the same in every browser.
        body.put("Today", LocalDate.now(server.clock()).toString());
        coverage.firstDay().ifPresent(day -> body.put("FirstDay", day.toString()));
        coverage.lastDay().ifPresent(day -> body.put("LastDay", day.toString()));
        ArrayNode periods = body.putArray("BillingPeriods");
        for (StoreCoverage.StoredPeriod period : coverage.periods()) {
            ObjectNode node = periods.addObject().put("PayerAccountId", period.payerAccountId()).put("BillingPeriod", period.billingPeriod().toString())
                    .put("Granularity", period.granularity());
            ApiJson.money(node, "UnblendedCost", period.unblendedCost(), coverage.currency());
            node.put("LineItems", period.lineItems());
        }
        body.put("DailyRows", coverage.dailyRows());
        body.put("HourlyRows", coverage.hourlyRows());
        body.put("StoreBytes", coverage.storeBytes());
        Json.write(context, body);
    }
}
