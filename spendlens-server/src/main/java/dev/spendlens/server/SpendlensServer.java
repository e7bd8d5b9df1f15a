package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.MonthlyRollup;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.jobs.Scheduler;
import io.javalin.Javalin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP server: the REST API under {@code /api/v1}, health and metrics, and the dashboard.
 * Binds to loopback unless told otherwise, and then only with an API token.
 */
public final class SpendlensServer implements AutoCloseable {
    private final Javalin app;
    private final ServerSettings settings;
    private final Scheduler scheduler;

    private SpendlensServer(Javalin app, ServerSettings settings, Scheduler scheduler) {
        this.app = app;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /** Starts the server with the standard routes. */
    public static SpendlensServer start(ServerSettings settings, ServerContext context) {
        return start(settings, context, routes(context));
    }

    /** The REST endpoints every server has; features add theirs to this list. */
    public static List<ApiRoutes> routes(ServerContext context) {
        List<ApiRoutes> routes = new ArrayList<>();
        routes.add(new HealthRoutes(context));
        routes.add(new CostRoutes(context));
        routes.add(new MetricsRoutes(context));
        routes.add(new StoreRoutes(context));
        routes.add(new DimensionRoutes(context));
        routes.add(new TagRoutes(context));
        routes.add(new PrincipalRoutes(context));
        routes.add(new OpenApiRoutes());
        routes.add(new DashboardRoutes());
        routes.add(new ForecastRoutes(context));
        routes.add(new ChargebackRoutes(context));
        routes.add(new GovernanceRoutes(context));
        routes.add(new BudgetRoutes(context));
        routes.add(new AnomalyRoutes(context));
        routes.add(new IngestRoutes(context));
        return routes;
    }

    public static SpendlensServer start(ServerSettings settings, ServerContext context, List<ApiRoutes> routes) {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        if (!settings.loopbackOnly() && settings.apiTokenSha256().isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "binding %s exposes spend data beyond this machine: set server.api-token-sha256 (sha256sum of a token) first"
                    .formatted(settings.bind()));
        }
        // Bring allocations up to date with the configured rules, and the monthly rollup with the deliveries, before the first request.
        try (Connection connection = context.store().connect()) {
            AllocationTable.synchronize(connection, context.allocator());
            MonthlyRollup.synchronize(connection);
        } catch (SQLException e) {
            throw SqlFailures.internal("updating allocations", e);
        }
        BearerAuth auth = settings.apiTokenSha256().map(BearerAuth::new).orElse(null);
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            ApiErrors.register(config.routes);
            if (auth != null) {
                config.routes.before(context1 -> {
                    if (needsToken(context1.path())) {
                        auth.check(context1);
                    }
                });
            }
            for (ApiRoutes group : routes) {
                group.register(config.routes);
            }
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot listen on %s:%d: %s".formatted(settings.bind(), settings.port(), e.getMessage()), e);
        }
        // Scheduled jobs start once the API answers, so that a slow first ingest never delays it.
        context.scheduler().start();
        return new SpendlensServer(app, settings, context.scheduler());
    }

    // Spend data leaves only through the API and the metrics; the dashboard's files and the OpenAPI document hold none.
    static boolean needsToken(String path) {
        return path.startsWith("/api/") || path.equals("/metrics");
    }

    /** The registered HTTP endpoints as {@code "GET /api/v1/tags"}, path parameters written {@code {name}} as in OpenAPI. */
    public List<String> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path.replace('<', '{').replace('>', '}'))
                .sorted()
                .toList();
    }

    /** The scheduler that runs this server's jobs. */
    public Scheduler scheduler() {
        return scheduler;
    }

    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String url() {
        String host = settings.bind().equals("0.0.0.0") || settings.bind().equals("::") ? "127.0.0.1" : settings.bind();
        return "http://%s:%d/".formatted(host.contains(":") ? "[" + host + "]" : host, port());
    }

    /** Stops the scheduler (a running job is asked to stop at its next step and waited for), then the HTTP server. */
    @Override
    public void close() {
        try {
            scheduler.close();
        } finally {
            app.stop();
        }
    }
}
