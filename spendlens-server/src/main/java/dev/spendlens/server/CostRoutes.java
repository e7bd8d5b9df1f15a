package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import dev.spendlens.api.CostAndUsageRequest;
import dev.spendlens.api.CostAndUsageResponse;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.duckdb.query.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;

/** {@code POST /api/v1/cost-and-usage}: GetCostAndUsage over the store, same engine as the CLI's report. */
final class CostRoutes implements ApiRoutes {
    static final int PAGE_SIZE = 500;

    private final ServerContext server;
    private final CostQueryEngine engine;

    CostRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
        this.engine = new CostQueryEngine(server.store(), server.clock());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/cost-and-usage", this::costAndUsage);
    }

    private void costAndUsage(Context context) {
        CostAndUsageRequest request = CostAndUsageRequest.parse(Json.body(context), server.fields());
        CostResult result = engine.run(request.query(), Optional.of(PageRequest.of(request.nextPageToken(), PAGE_SIZE)));
        Json.write(context, CostAndUsageResponse.write(result, request.query().granularity()));
    }
}
