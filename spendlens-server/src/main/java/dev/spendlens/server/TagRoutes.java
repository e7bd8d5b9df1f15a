package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.allocation.TagSource;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.duckdb.query.TagCatalog;
import dev.spendlens.duckdb.query.TagSpend;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/tags}: the tag keys and values seen on charges over a period, with spend. */
final class TagRoutes implements ApiRoutes {
    private final TagCatalog catalog;
    private final CostQueryEngine engine;

    TagRoutes(ServerContext server) {
        requireNonNull(server, "server is null");
        this.catalog = new TagCatalog(server.store());
        this.engine = new CostQueryEngine(server.store(), server.clock());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/tags", this::tags);
    }

    private void tags(Context context) {
        TimePeriod period = QueryParameters.period(context);
        TagCatalog.Result result = catalog.find(period, QueryParameters.optional(context, "key"), QueryParameters.optional(context, "search"), QueryParameters.page(context));
        String currency = engine.currency();
        ObjectNode body = Json.MAPPER.createObjectNode();
        ApiJson.period(body, period);
        ApiJson.money(body, "Total", result.periodTotal(), currency);
        Map<String, ArrayNode> valuesByKey = new LinkedHashMap<>();
        ArrayNode keys = body.putArray("TagKeys");
        for (TagSpend tag : result.values().items()) {
            valuesByKey.computeIfAbsent(tag.key(), key -> {
                ObjectNode node = keys.addObject();
                node.put("Key", key);
                node.put("Source", TagSource.ofKey(key).map(TagSource::prefixName).orElse(""));
                BigDecimal tagged = result.keyTotals().getOrDefault(key, BigDecimal.ZERO);
                ApiJson.money(node, "UnblendedCost", tagged, currency);
                ApiJson.money(node, "UntaggedCost", result.periodTotal().subtract(tagged), currency);
                return node.putArray("Values");
            }).addObject().put("Value", tag.value()).set("UnblendedCost", ApiJson.money(tag.unblendedCost(), currency));
        }
        ApiJson.pageFooter(body, result.values());
        Json.write(context, body);
    }
}
