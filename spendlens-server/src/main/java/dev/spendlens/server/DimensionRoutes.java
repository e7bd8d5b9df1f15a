package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.api.CostAndUsageResponse;
import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.duckdb.query.DimensionValues;
import dev.spendlens.duckdb.query.Page;
import dev.spendlens.duckdb.query.ValueSpend;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/v1/dimensions}: the keys a query can group by; {@code GET /api/v1/dimensions/{key}/values}:
 * GetDimensionValues, the values of one key with their spend. The key is resolved against the known
 * dimensions (unknown ones get a 400 naming them) or is a {@code TAG:} key, bound as a parameter.
 */
final class DimensionRoutes implements ApiRoutes {
    private final ServerContext server;
    private final DimensionValues values;
    private final CostQueryEngine engine;

    DimensionRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
        this.values = new DimensionValues(server.store());
        this.engine = new CostQueryEngine(server.store(), server.clock());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/dimensions", this::dimensions);
        // <key> rather than {key}: a tag key such as TAG:iamPrincipal/team holds a slash.
        routes.get("/api/v1/dimensions/<key>/values", this::values);
    }

    private void dimensions(Context context) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("Dimensions");
        for (Dimension dimension : Dimension.values()) {
            list.addObject().put("Type", "DIMENSION").put("Key", dimension.name());
        }
        for (AllocationDimension dimension : server.allocator().policy().dimensions()) {
            list.addObject().put("Type", "ALLOCATION").put("Key", dimension.name());
        }
        Json.write(context, body);
    }

    private void values(Context context) {
        Field field = server.fields().parse(context.pathParam("key"));
        TimePeriod period = QueryParameters.period(context);
        Page<ValueSpend> page = values.find(field, period, QueryParameters.optional(context, "search"), QueryParameters.page(context));
        String currency = engine.currency();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("Dimension").put("Type", CostAndUsageResponse.type(field)).put("Key", CostAndUsageResponse.key(field));
        ApiJson.period(body, period);
        ArrayNode list = body.putArray("DimensionValues");
        for (ValueSpend value : page.items()) {
            ObjectNode node = list.addObject();
            node.put("Value", value.value());
            node.putObject("Attributes");
            ApiJson.money(node, "UnblendedCost", value.unblendedCost(), currency);
        }
        ApiJson.pageFooter(body, page);
        Json.write(context, body);
    }
}
