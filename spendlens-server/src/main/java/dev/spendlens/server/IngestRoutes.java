package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.alerts.DispatchReport;
import dev.spendlens.duckdb.ingest.IngestSummary;
import dev.spendlens.duckdb.ingest.PeriodSummary;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.BudgetAlerts;
import dev.spendlens.jobs.AfterIngestReport;
import dev.spendlens.jobs.IngestRun;
import dev.spendlens.jobs.Jobs;
import dev.spendlens.jobs.Trigger;
import dev.spendlens.sources.ExportSources;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/ingest}: ingests the configured sources ({@code ingest.sources}), or the
 * sources in the body, inside the server (which holds the store), then reacts to the new data as
 * after any ingest: anomaly detection, immediate alerts, budget checks. Runs as a job: refused with
 * 409 while another job (a scheduled ingest, a digest, a detection) runs.
 *
 * <pre>
 * POST /api/v1/ingest   {"sources": ["s3://bucket/cur/export", "/srv/exports/cur"], "alerts": true}   (both optional)
 * </pre>
 */
final class IngestRoutes implements ApiRoutes {
    static final int MAX_SOURCES = 100;
    private static final Set<String> FIELDS = Set.of("sources", "alerts");

    private final ServerContext server;

    IngestRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/ingest", this::ingest);
    }

    private void ingest(Context context) {
        JsonNode body = context.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(context);
        if (!body.isObject()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the body must be a JSON object such as {\"sources\": [\"s3://bucket/prefix\"]}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "unknown field '%s': the body takes sources and alerts".formatted(name));
            }
        }
        List<String> sources = sources(body);
        boolean alerts = true;
        if (body.has("alerts")) {
            if (!body.get("alerts").isBoolean()) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "alerts must be true or false");
            }
            alerts = body.get("alerts").asBoolean();
        }
        IngestRun run = server.scheduler().ingest(sources, alerts ? Jobs.Reaction.ALERT : Jobs.Reaction.NONE, Trigger.API);
        Json.write(context, write(run));
    }

    /** The sources of the body, each checked; none given means the configured ones. */
    static List<String> sources(JsonNode body) {
        if (!body.has("sources") || body.get("sources").isNull()) {
            return List.of();
        }
        JsonNode array = body.get("sources");
        if (!array.isArray() || array.isEmpty() || array.size() > MAX_SOURCES) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                    "sources must be a list of 1 to %d folders, files or s3://bucket/prefix URIs; leave it out for ingest.sources".formatted(MAX_SOURCES));
        }
        List<String> sources = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            JsonNode item = array.get(index);
            if (!item.isTextual()) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "sources[%d] must be a string".formatted(index));
            }
            String source = item.asText().strip();
            try {
                ExportSources.checkForm(source);
            } catch (SpendlensException e) {
                throw new SpendlensException(e.code(), "sources[%d]: %s".formatted(index, e.getMessage()), e);
            }
            sources.add(source);
        }
        return sources;
    }

    static ObjectNode write(IngestRun run) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode sources = node.putArray("sources");
        run.sources().forEach(sources::add);
        node.put("unchanged", run.unchanged());
        node.put("deliveries", run.deliveries());
        node.put("fingerprint", run.fingerprint());
        if (run.ingested().isPresent()) {
            node.set("ingested", ingested(run.ingested().get()));
        } else {
            node.putNull("ingested");
        }
        if (run.afterIngest().isPresent()) {
            node.set("afterIngest", afterIngest(run.afterIngest().get()));
        } else {
            node.putNull("afterIngest");
        }
        node.put("summary", run.summary());
        return node;
    }

    private static ObjectNode ingested(IngestSummary summary) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("ingestionId", summary.ingestionId());
        node.put("files", summary.files());
        node.put("rowsRead", summary.rowsRead());
        node.put("bedrockRows", summary.bedrockRows());
        node.put("seconds", summary.took().toMillis() / 1000.0);
        ArrayNode periods = node.putArray("periods");
        for (PeriodSummary period : summary.periods()) {
            ObjectNode item = periods.addObject();
            item.put("billingPeriod", period.billingPeriod().toString());
            item.put("payerAccountId", period.payerAccountId());
            item.put("granularity", period.granularity());
            item.put("currency", period.currency());
            item.put("lineItems", period.lineItems());
            item.put("unblendedCost", period.unblendedCost().toPlainString());
            period.previousUnblendedCost().ifPresentOrElse(previous -> item.put("previousUnblendedCost", previous.toPlainString()),
                    () -> item.putNull("previousUnblendedCost"));
        }
        return node;
    }

    private static ObjectNode afterIngest(AfterIngestReport report) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ObjectNode anomalies = node.putObject("anomalies");
        anomalies.put("new", report.detection().created());
        anomalies.put("updated", report.detection().updated());
        anomalies.put("alerted", report.detection().alerted());
        anomalies.put("kept", report.detection().anomalies().size());
        DispatchReport dispatch = report.dispatch();
        ObjectNode alerts = AnomalyRoutes.dispatch(dispatch);
        alerts.put("unrouted", dispatch.unrouted());
        alerts.put("channels", report.channels());
        node.set("alerts", alerts);
        ArrayNode budgets = node.putArray("budgetsCrossed");
        for (BudgetAlerts.Raised raised : report.budgets()) {
            ObjectNode item = budgets.addObject();
            item.put("budget", raised.budget());
            item.put("periodStart", raised.periodStart().toString());
            item.put("threshold", raised.threshold());
            item.put("severity", raised.severity().name());
            raised.owner().ifPresentOrElse(owner -> item.put("owner", owner), () -> item.putNull("owner"));
            item.put("delivery", raised.delivery());
            raised.policy().ifPresentOrElse(path -> item.put("denyPolicy", path.toString()), () -> item.putNull("denyPolicy"));
        }
        return node;
    }
}
