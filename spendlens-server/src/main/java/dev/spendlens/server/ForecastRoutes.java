package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.api.ExpressionJson;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Metric;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.CostForecastJson;
import dev.spendlens.finance.ForecastRequest;
import dev.spendlens.finance.ForecastService;
import dev.spendlens.finance.Projection;
import dev.spendlens.finance.ProjectionJson;
import dev.spendlens.finance.StoreAccess;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/cost-forecast}: GetCostForecast (plus an optional GroupBy);
 * {@code POST /api/v1/cost-forecast/projections}: month-end and quarter-end projections with drivers.
 */
final class ForecastRoutes implements ApiRoutes {
    private final ServerContext server;

    ForecastRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/cost-forecast", this::forecast);
        routes.post("/api/v1/cost-forecast/projections", this::projections);
    }

    private ForecastService service() {
        return new ForecastService(new StoreAccess(server.store(), server.allocator(), server.clock()));
    }

    private void forecast(Context context) {
        ForecastRequest request = CostForecastJson.parse(Json.body(context), server.fields());
        Json.write(context, CostForecastJson.write(service().forecast(request)));
    }

    private void projections(Context context) {
        JsonNode body = context.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(context);
        Optional<Field> groupBy = Optional.empty();
        JsonNode group = body.get("GroupBy");
        if (group != null && !group.isNull()) {
            if (!group.isArray() || group.size() != 1 || !group.get(0).hasNonNull("Type") || !group.get(0).hasNonNull("Key")) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "GroupBy must be an array of one {\"Type\": ..., \"Key\": ...}");
            }
            groupBy = Optional.of(server.fields().parse(group.get(0).get("Type").asText(), group.get(0).get("Key").asText()));
        }
        Optional<Expression> filter = body.hasNonNull("Filter") ? Optional.of(new ExpressionJson(server.fields()).parse(body.get("Filter"), "Filter")) : Optional.empty();
        Metric metric = body.hasNonNull("Metric") ? Metric.parse(body.get("Metric").asText()) : Metric.UNBLENDED_COST;
        int level = body.hasNonNull("PredictionIntervalLevel") ? body.get("PredictionIntervalLevel").asInt() : 80;
        Optional<LocalDate> asOf = body.hasNonNull("AsOf") ? Optional.of(LocalDate.parse(body.get("AsOf").asText())) : Optional.empty();
        int maxGroups = body.hasNonNull("MaxGroups") ? body.get("MaxGroups").asInt() : 25;
        if (level < 51 || level > 99) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "PredictionIntervalLevel must be 51 to 99, was " + level);
        }
        ForecastService service = service();
        List<Projection> projections = service.project(groupBy, filter, metric, level, asOf, maxGroups);
        String unit = metric.isCost() ? new dev.spendlens.duckdb.query.CostQueryEngine(server.store(), server.clock()).currency() : metric.apiName();
        Json.write(context, ProjectionJson.write(projections, unit, level));
    }
}
