package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.anomalies.AnomalyJson;
import dev.spendlens.anomalies.AnomalyService;
import dev.spendlens.anomalies.DetectionRun;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.anomaly.Feedback;
import dev.spendlens.anomaly.MonitorDefinition;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.alert.DuckDbAlertLog;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.jobs.Job;
import dev.spendlens.jobs.JobRunner;
import dev.spendlens.jobs.Trigger;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The anomaly API: history, one anomaly with its root cause, feedback, running the monitors,
 * monitors (like Cost Anomaly Detection's), digests and the alert delivery log.
 *
 * <pre>
 * GET    /api/v1/anomalies?from=&amp;to=&amp;monitor=      anomalies overlapping the days
 * GET    /api/v1/anomalies/{id}                      one anomaly
 * POST   /api/v1/anomalies/{id}/feedback             {"feedback": "yes|no|planned", "note": "..."}
 * POST   /api/v1/anomalies/detect                    {"to": "2026-10-01", "monitor": "teams"} (both optional)
 * POST   /api/v1/anomalies/notify                    {"digest": "daily|weekly|immediate"}
 * GET    /api/v1/anomaly-monitors                    the monitors
 * POST   /api/v1/anomaly-monitors                    {"name", "dimension" | "filter": Expression, "hourly"}
 * DELETE /api/v1/anomaly-monitors/{name}
 * GET    /api/v1/alert-deliveries?days=7             every delivery attempt
 * </pre>
 */
final class AnomalyRoutes implements ApiRoutes {
    private final ServerContext server;

    AnomalyRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/anomalies", this::list);
        routes.post("/api/v1/anomalies/detect", this::detect);
        routes.post("/api/v1/anomalies/notify", this::notify);
        routes.get("/api/v1/anomalies/{id}", this::one);
        routes.post("/api/v1/anomalies/{id}/feedback", this::feedback);
        routes.get("/api/v1/anomaly-monitors", this::monitors);
        routes.post("/api/v1/anomaly-monitors", this::createMonitor);
        routes.delete("/api/v1/anomaly-monitors/{name}", this::deleteMonitor);
        routes.get("/api/v1/alert-deliveries", this::deliveries);
    }

    // Built per request: the config's monitors are checked against the allocation dimensions, and API monitors may have changed.
    private AnomalyService service() {
        return AnomalyService.create(server.store(), server.config().anomalies(), server.config().alerts(), server.fields(), server.clock());
    }

    private String currency() {
        return new CostQueryEngine(server.store(), server.clock()).currency();
    }

    private void list(Context context) {
        Optional<LocalDate> from = Optional.ofNullable(context.queryParam("from")).map(text -> TimePeriod.parse(text, "2999-01-01", "from", "to").start());
        Optional<LocalDate> to = Optional.ofNullable(context.queryParam("to")).map(text -> TimePeriod.parse("1970-01-01", text, "from", "to").end());
        List<CostAnomaly> anomalies = service().list(from, to, Optional.ofNullable(context.queryParam("monitor")));
        String currency = currency();
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("anomalies");
        anomalies.forEach(anomaly -> array.add(AnomalyJson.write(anomaly, currency)));
        Json.write(context, body);
    }

    private void one(Context context) {
        Json.write(context, AnomalyJson.write(service().find(context.pathParam("id")), currency()));
    }

    private void feedback(Context context) {
        JsonNode body = Json.body(context);
        String answer = text(body, "feedback").orElseThrow(() -> new SpendlensException(ErrorCode.INVALID_ARGUMENT, "feedback: send {\"feedback\": \"yes|no|planned\"}"));
        CostAnomaly anomaly = service().feedback(context.pathParam("id"), Feedback.parse(answer), text(body, "note"));
        Json.write(context, AnomalyJson.write(anomaly, currency()));
    }

    private void detect(Context context) {
        JsonNode body = context.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(context);
        Optional<LocalDate> to = text(body, "to").map(text -> TimePeriod.parse("1970-01-01", text, "from", "to").end());
        // A job like the scheduler's: refused with 409 while another runs, so that two detections never alert twice.
        DetectionRun run = server.scheduler().runner().run(Job.ANOMALY_DETECTION, Trigger.API, () -> service().detect(to, text(body, "monitor"), line -> { }),
                detected -> JobRunner.Done.of("%d anomalies, %d new, %d alerted".formatted(detected.anomalies().size(), detected.created(), detected.alerted())));
        String currency = currency();
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("from", run.from().toString());
        result.put("to", run.to().toString());
        result.put("series", run.series());
        result.put("alerted", run.alerted());
        result.set("dispatch", dispatch(run.dispatch()));
        ArrayNode array = result.putArray("anomalies");
        run.anomalies().forEach(anomaly -> array.add(AnomalyJson.write(anomaly, currency)));
        Json.write(context, result);
    }

    private void notify(Context context) {
        JsonNode body = context.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(context);
        Frequency frequency = Frequency.parse(text(body, "digest").orElse("immediate"));
        DispatchReport report = server.scheduler().runner().run(Job.ANOMALY_NOTIFY, Trigger.API, () -> service().flush(frequency),
                sent -> JobRunner.Done.of("%s: %d delivered, %d deferred".formatted(frequency.name().toLowerCase(java.util.Locale.ROOT), sent.delivered(), sent.deferred())));
        Json.write(context, dispatch(report));
    }

    private void monitors(Context context) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("monitors");
        service().monitors().forEach(monitor -> array.add(monitor(monitor)));
        Json.write(context, body);
    }

    private void createMonitor(Context context) {
        JsonNode body = Json.body(context);
        String name = text(body, "name").orElseThrow(() -> new SpendlensException(ErrorCode.INVALID_ARGUMENT, "a monitor needs a name"));
        Optional<String> filter = body.hasNonNull("filter") ? Optional.of(body.get("filter").toString()) : Optional.empty();
        MonitorDefinition created = service().createMonitor(new MonitorDefinition(name, text(body, "dimension"), filter,
                !body.has("hourly") || body.get("hourly").asBoolean(true), "api"));
        context.status(201);
        Json.write(context, monitor(created));
    }

    private void deleteMonitor(Context context) {
        service().deleteMonitor(context.pathParam("name"));
        context.status(204);
    }

    private void deliveries(Context context) {
        int days = Optional.ofNullable(context.queryParam("days")).map(AnomalyRoutes::days).orElse(7);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("deliveries");
        for (DeliveryAttempt attempt : new DuckDbAlertLog(server.store()).attempts(server.clock().instant().minus(days, ChronoUnit.DAYS))) {
            ObjectNode node = array.addObject();
            node.put("channel", attempt.channel());
            node.put("kind", attempt.kind().name());
            node.put("frequency", attempt.frequency().name());
            ArrayNode keys = node.putArray("alertKeys");
            attempt.alertKeys().forEach(keys::add);
            node.put("attempt", attempt.attempt());
            node.put("attemptedAt", attempt.attemptedAt().toString());
            node.put("outcome", attempt.outcome().name());
            attempt.error().ifPresentOrElse(error -> node.put("error", error), () -> node.putNull("error"));
        }
        Json.write(context, body);
    }

    private static ObjectNode monitor(MonitorDefinition monitor) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", monitor.name());
        node.put("type", monitor.dimensional() ? "DIMENSIONAL" : "CUSTOM");
        monitor.dimension().ifPresentOrElse(dimension -> node.put("dimension", dimension), () -> node.putNull("dimension"));
        if (monitor.filterJson().isPresent()) {
            try {
                node.set("filter", Json.MAPPER.readTree(monitor.filterJson().get()));
            } catch (java.io.IOException e) {
                node.put("filter", monitor.filterJson().get());
            }
        } else {
            node.putNull("filter");
        }
        node.put("hourly", monitor.hourly());
        node.put("origin", monitor.origin());
        return node;
    }

    /** What a dispatch did: delivered, deferred, queued for digests, unchanged. */
    static ObjectNode dispatch(DispatchReport report) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("delivered", report.delivered());
        node.put("deferred", report.deferred());
        node.put("queued", report.queued());
        node.put("unchanged", report.unchanged());
        return node;
    }

    private static Optional<String> text(JsonNode body, String field) {
        return body.hasNonNull(field) && !body.get(field).asText().isBlank() ? Optional.of(body.get(field).asText().strip()) : Optional.empty();
    }

    private static int days(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "days must be a whole number of days, not '%s'".formatted(text));
    }
}
