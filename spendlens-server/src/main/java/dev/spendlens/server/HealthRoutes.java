package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.duckdb.job.JobRunLog;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.jobs.JobState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /healthz}: the process answers and the store can be read; and where the scheduler's
 * jobs stand (last run, last success, last error, next run).
 */
final class HealthRoutes implements ApiRoutes {
    private final ServerContext server;

    HealthRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", this::health);
    }

    private void health(Context context) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        try (Connection connection = server.store().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM billing_periods")) {
            rows.next();
            body.put("status", "ok");
            body.put("billingPeriods", rows.getLong(1));
        } catch (SQLException e) {
            ApiErrors.respond(context, ErrorCode.STORE_UNAVAILABLE, "the store cannot be read: " + e.getMessage().split("\n")[0]);
            return;
        }
        ObjectNode scheduler = body.putObject("scheduler");
        scheduler.put("schedule", server.scheduler().describe());
        ArrayNode jobs = scheduler.putArray("jobs");
        for (JobState state : server.scheduler().states()) {
            jobs.add(job(state));
        }
        Json.write(context, body);
    }

    static ObjectNode job(JobState state) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("job", state.job().label());
        node.put("running", state.runningSince().isPresent());
        instant(node, "runningSince", state.runningSince());
        instant(node, "lastRun", state.lastRun().map(JobRunLog.JobRun::startedAt));
        instant(node, "lastSuccess", state.lastSuccess());
        instant(node, "nextRun", state.nextRun());
        node.put("consecutiveFailures", state.consecutiveFailures());
        if (state.lastRun().isPresent()) {
            JobRunLog.JobRun run = state.lastRun().get();
            ObjectNode last = node.putObject("lastOutcome");
            last.put("trigger", run.trigger());
            last.put("outcome", run.outcome().name());
            last.put("startedAt", run.startedAt().toString());
            last.put("finishedAt", run.finishedAt().toString());
            run.errorCode().ifPresentOrElse(code -> last.put("errorCode", code), () -> last.putNull("errorCode"));
            last.put("message", run.message());
        } else {
            node.putNull("lastOutcome");
        }
        return node;
    }

    private static void instant(ObjectNode node, String field, Optional<Instant> instant) {
        instant.ifPresentOrElse(value -> node.put(field, value.toString()), () -> node.putNull(field));
    }
}
