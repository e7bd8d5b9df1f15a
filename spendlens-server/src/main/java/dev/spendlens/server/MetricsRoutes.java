package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.duckdb.query.StoreCoverage;
import dev.spendlens.jobs.JobState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metrics}: Prometheus text with month-to-date spend per team and per model, and the
 * server's own health: requests by route and status, latency histograms, store size and rows.
 */
final class MetricsRoutes implements ApiRoutes {
    private static final String STARTED = "spendlens.started-nanos";

    private final ServerContext server;
    private final CostQueryEngine engine;
    private final RequestMetrics requests = new RequestMetrics();

    MetricsRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
        this.engine = new CostQueryEngine(server.store(), server.clock());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before(context -> context.attribute(STARTED, System.nanoTime()));
        routes.after(this::record);
        routes.get("/metrics", this::metrics);
    }

    private void record(Context context) {
        Long started = context.attribute(STARTED);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        Endpoint endpoint = context.endpoints().matchedHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        requests.record(context.method().name(), route, context.statusCode(), nanos);
    }

    private void metrics(Context context) {
        PrometheusText text = new PrometheusText();
        String currency = engine.currency();
        LocalDate today = LocalDate.now(server.clock());
        TimePeriod monthToDate = new TimePeriod(today.withDayOfMonth(1), today.plusDays(1));
        Optional<Field> team = server.allocator().policy().dimension("team").map(dimension -> server.fields().parse(dimension.name()));
        text.family("spendlens_spend_month_to_date", "gauge", "Amazon Bedrock unblended cost since the first of this month (UTC), all owners");
        text.sample("spendlens_spend_month_to_date", total(monthToDate), "currency", currency);
        if (team.isPresent()) {
            text.family("spendlens_team_spend_month_to_date", "gauge", "Amazon Bedrock unblended cost since the first of this month (UTC), by team");
            spendBy(monthToDate, team.get()).forEach((value, amount) -> text.sample("spendlens_team_spend_month_to_date", amount, "team", value, "currency", currency));
        }
        text.family("spendlens_model_spend_month_to_date", "gauge", "Amazon Bedrock unblended cost since the first of this month (UTC), by model");
        spendBy(monthToDate, server.fields().parse("MODEL")).forEach((value, amount) -> text.sample("spendlens_model_spend_month_to_date", amount, "model", value, "currency", currency));

        StoreCoverage coverage = StoreCoverage.read(server.store());
        text.family("spendlens_store_size_bytes", "gauge", "Size of the DuckDB store file and its write-ahead log");
        text.sample("spendlens_store_size_bytes", coverage.storeBytes());
        text.family("spendlens_store_rows", "gauge", "Rows of the fact tables");
        text.sample("spendlens_store_rows", coverage.dailyRows(), "table", "cost_daily");
        text.sample("spendlens_store_rows", coverage.hourlyRows(), "table", "cost_hourly");
        text.family("spendlens_store_billing_periods", "gauge", "Billing periods stored");
        text.sample("spendlens_store_billing_periods", coverage.periods().size());
        coverage.lastDay().ifPresent(day -> {
            text.family("spendlens_store_last_usage_day_timestamp_seconds", "gauge", "Start of the last usage day with a charge, seconds since the epoch");
            text.sample("spendlens_store_last_usage_day_timestamp_seconds", day.atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        });

        text.family("spendlens_http_requests_total", "counter", "HTTP requests answered, by method, route and status");
        requests.requests().entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(RequestMetrics.RequestKey::route)
                        .thenComparing(RequestMetrics.RequestKey::method).thenComparingInt(RequestMetrics.RequestKey::status)))
                .forEach(entry -> text.sample("spendlens_http_requests_total", entry.getValue().sum(), "method", entry.getKey().method(), "route", entry.getKey().route(),
                        "status", Integer.toString(entry.getKey().status())));
        text.family("spendlens_http_request_duration_seconds", "histogram", "Time to answer HTTP requests, by route");
        requests.latencies().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            RequestMetrics.Latency latency = entry.getValue();
            List<Double> bounds = RequestMetrics.bucketBounds();
            for (int i = 0; i < bounds.size(); i++) {
                text.sample("spendlens_http_request_duration_seconds_bucket", latency.buckets[i].sum(), "route", entry.getKey(), "le", bounds.get(i).toString());
            }
            text.sample("spendlens_http_request_duration_seconds_bucket", latency.count.sum(), "route", entry.getKey(), "le", "+Inf");
            text.sample("spendlens_http_request_duration_seconds_sum", latency.sumNanos.sum() / 1e9, "route", entry.getKey());
            text.sample("spendlens_http_request_duration_seconds_count", latency.count.sum(), "route", entry.getKey());
        });
        jobs(text);
        text.family("spendlens_uptime_seconds", "gauge", "Seconds since the server started");
        text.sample("spendlens_uptime_seconds", requests.uptimeSeconds());
        Runtime runtime = Runtime.getRuntime();
        text.family("spendlens_jvm_heap_used_bytes", "gauge", "Java heap in use");
        text.sample("spendlens_jvm_heap_used_bytes", runtime.totalMemory() - runtime.freeMemory());
        context.contentType(PrometheusText.CONTENT_TYPE).result(text.toString());
    }

    // The scheduler's jobs: when each last ran and succeeded, when it runs next, whether it runs now.
    private void jobs(PrometheusText text) {
        List<JobState> states = server.scheduler().states();
        text.family("spendlens_job_last_run_timestamp_seconds", "gauge", "When the job's latest run started, seconds since the epoch");
        states.forEach(state -> state.lastRun().ifPresent(run -> text.sample("spendlens_job_last_run_timestamp_seconds", run.startedAt().getEpochSecond(),
                "job", state.job().label())));
        text.family("spendlens_job_last_success_timestamp_seconds", "gauge", "When the job's latest successful run started, seconds since the epoch");
        states.forEach(state -> state.lastSuccess().ifPresent(at -> text.sample("spendlens_job_last_success_timestamp_seconds", at.getEpochSecond(),
                "job", state.job().label())));
        text.family("spendlens_job_next_run_timestamp_seconds", "gauge", "When the scheduler runs the job next, seconds since the epoch");
        states.forEach(state -> state.nextRun().ifPresent(at -> text.sample("spendlens_job_next_run_timestamp_seconds", at.getEpochSecond(), "job", state.job().label())));
        text.family("spendlens_job_running", "gauge", "1 while the job runs");
        states.forEach(state -> text.sample("spendlens_job_running", state.runningSince().isPresent() ? 1 : 0, "job", state.job().label()));
        text.family("spendlens_job_consecutive_failures", "gauge", "Failed runs of the job since its last success");
        states.forEach(state -> text.sample("spendlens_job_consecutive_failures", state.consecutiveFailures(), "job", state.job().label()));
        text.family("spendlens_job_runs_total", "counter", "Runs of the job since the server started, by outcome");
        states.forEach(state -> {
            text.sample("spendlens_job_runs_total", state.runs() - state.failures(), "job", state.job().label(), "outcome", "succeeded");
            text.sample("spendlens_job_runs_total", state.failures(), "job", state.job().label(), "outcome", "failed");
        });
    }

    private BigDecimal total(TimePeriod period) {
        CostResult result = engine.run(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(), Optional.empty()));
        return result.resultsByTime().stream().map(bucket -> bucket.total().get(Metric.UNBLENDED_COST).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Map<String, BigDecimal> spendBy(TimePeriod period, Field field) {
        CostResult result = engine.run(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(field), Optional.empty()));
        Map<String, BigDecimal> spend = new java.util.TreeMap<>();
        for (ResultByTime bucket : result.resultsByTime()) {
            for (CostGroup group : bucket.groups()) {
                spend.merge(group.keys().get(0), group.metrics().get(Metric.UNBLENDED_COST).amount(), BigDecimal::add);
            }
        }
        return spend;
    }
}
