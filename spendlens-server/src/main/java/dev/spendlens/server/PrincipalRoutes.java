package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.allocation.TagSource;
import dev.spendlens.api.CostAndUsageResponse;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.duckdb.query.PrincipalDetails;
import dev.spendlens.duckdb.query.PrincipalReport;
import dev.spendlens.duckdb.query.StoreCoverage;
import dev.spendlens.duckdb.query.TagSpend;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;

/**
 * {@code GET /api/v1/principals/{arn}}: one principal's identity, owners and the source of each,
 * tags, and spend by day, model and token type. The ARN is written as is, slashes included.
 */
final class PrincipalRoutes implements ApiRoutes {
    private final ServerContext server;
    private final PrincipalDetails details;
    private final CostQueryEngine engine;

    PrincipalRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
        this.details = new PrincipalDetails(server.store(), server.allocator().policy().dimensions());
        this.engine = new CostQueryEngine(server.store(), server.clock());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/principals/<arn>", this::principal);
    }

    private void principal(Context context) {
        String principal = context.pathParam("arn");
        TimePeriod period = QueryParameters.optionalPeriod(context).orElseGet(this::wholeStore);
        PrincipalReport report = details.find(principal, period).orElseThrow(() -> new SpendlensException(ErrorCode.NOT_FOUND,
                "no principal '%s' in the store; list them with /api/v1/dimensions/PRINCIPAL/values".formatted(principal)));
        String currency = engine.currency();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("Principal", report.principal());
        ApiJson.period(body, period);
        ObjectNode identity = body.putObject("Identity");
        identity.put("Type", report.principalType());
        identity.put("Role", report.role());
        identity.put("Person", report.person());
        identity.put("Account", report.account());
        report.accountName().ifPresent(name -> identity.put("AccountName", name));
        identity.put("SessionName", report.sessionName());
        ApiJson.money(body, "Total", report.total(), currency);
        ArrayNode allocations = body.putArray("Allocations");
        for (PrincipalReport.AllocatedSpend allocation : report.allocations()) {
            ObjectNode node = allocations.addObject().put("Dimension", allocation.dimension()).put("Value", allocation.value()).put("Source", allocation.source());
            ApiJson.money(node, "UnblendedCost", allocation.unblendedCost(), currency);
        }
        ArrayNode tags = body.putArray("Tags");
        for (TagSpend tag : report.tags()) {
            ObjectNode node = tags.addObject().put("Key", tag.key()).put("Value", tag.value())
                    .put("Source", TagSource.ofKey(tag.key()).map(TagSource::prefixName).orElse(""));
            ApiJson.money(node, "UnblendedCost", tag.unblendedCost(), currency);
        }
        ArrayNode daily = body.putArray("Daily");
        for (PrincipalReport.DailySpend day : report.daily()) {
            ObjectNode node = daily.addObject().put("Date", day.day().toString()).put("Model", day.model()).put("TokenType", day.tokenType());
            ApiJson.money(node, "UnblendedCost", day.unblendedCost(), currency);
            node.put("Tokens", CostAndUsageResponse.amount(day.tokens()));
        }
        Json.write(context, body);
    }

    // Without dates, the principal's whole history: every day the store holds.
    private TimePeriod wholeStore() {
        StoreCoverage coverage = StoreCoverage.read(server.store());
        LocalDate today = LocalDate.now(server.clock());
        return new TimePeriod(coverage.firstDay().orElse(today), coverage.lastDay().orElse(today).plusDays(1));
    }
}
