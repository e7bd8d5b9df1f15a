package dev.spendlens.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.api.ExpressionJson;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.forecast.ForecastInterval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Cost Explorer's GetCostForecast request and response: {@code TimePeriod}, {@code Metric},
 * {@code Granularity}, {@code Filter}, {@code PredictionIntervalLevel} in; {@code Total} and
 * {@code ForecastResultsByTime[{TimePeriod, MeanValue, PredictionIntervalLowerBound,
 * PredictionIntervalUpperBound}]} out. Spendlens adds {@code GroupBy} (one key), {@code AsOf} and
 * {@code MaxGroups}, answered in {@code Groups}.
 */
public final class CostForecastJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int DEFAULT_MAX_GROUPS = 25;

    private CostForecastJson() {}

    public static ForecastRequest parse(JsonNode body, FieldParser fields) {
        if (body == null || !body.isObject()) {
            throw invalid("the request body", "must be a JSON object");
        }
        JsonNode period = body.get("TimePeriod");
        if (period == null || !period.isObject()) {
            throw invalid("TimePeriod", "is required: {\"Start\": \"2026-11-01\", \"End\": \"2026-12-01\"}");
        }
        TimePeriod timePeriod = TimePeriod.parse(text(period, "Start"), text(period, "End"), "TimePeriod.Start", "TimePeriod.End");
        if (!body.hasNonNull("Metric")) {
            throw invalid("Metric", "is required, e.g. \"UNBLENDED_COST\"");
        }
        Metric metric = Metric.parse(body.get("Metric").asText());
        Granularity granularity = body.hasNonNull("Granularity") ? Granularity.parse(body.get("Granularity").asText()) : Granularity.MONTHLY;
        Optional<Expression> filter = body.hasNonNull("Filter") ? Optional.of(new ExpressionJson(fields).parse(body.get("Filter"), "Filter")) : Optional.empty();
        int level = body.hasNonNull("PredictionIntervalLevel") ? integer(body.get("PredictionIntervalLevel"), "PredictionIntervalLevel") : 80;
        Optional<Field> groupBy = Optional.empty();
        JsonNode group = body.get("GroupBy");
        if (group != null && !group.isNull()) {
            if (!group.isArray() || group.size() != 1) {
                throw invalid("GroupBy", "must be an array of one {\"Type\": ..., \"Key\": ...}");
            }
            groupBy = Optional.of(fields.parse(text(group.get(0), "Type"), text(group.get(0), "Key")));
        }
        Optional<LocalDate> asOf = Optional.empty();
        if (body.hasNonNull("AsOf")) {
            try {
                asOf = Optional.of(LocalDate.parse(body.get("AsOf").asText()));
            } catch (DateTimeParseException e) {
                throw invalid("AsOf", "must be a date like 2026-10-15");
            }
        }
        int maxGroups = body.hasNonNull("MaxGroups") ? integer(body.get("MaxGroups"), "MaxGroups") : DEFAULT_MAX_GROUPS;
        return new ForecastRequest(timePeriod, granularity, metric, filter, groupBy, level, asOf, maxGroups);
    }

    public static ObjectNode write(ForecastAnswer answer) {
        ObjectNode root = JSON.objectNode();
        writeSeries(root, answer.total(), answer.unit());
        root.put("DataThrough", answer.dataThrough().toString());
        root.put("PredictionIntervalLevel", answer.request().level());
        answer.request().groupBy().ifPresent(field -> {
            ObjectNode definition = root.putArray("GroupDefinitions").addObject();
            definition.put("Key", field.label());
            ArrayNode groups = root.putArray("Groups");
            for (ForecastAnswer.Series series : answer.groups()) {
                ObjectNode group = groups.addObject();
                ArrayNode keys = group.putArray("Keys");
                series.keys().forEach(keys::add);
                writeSeries(group, series, answer.unit());
            }
        });
        return root;
    }

    private static void writeSeries(ObjectNode node, ForecastAnswer.Series series, String unit) {
        ObjectNode total = node.putObject("Total");
        total.put("Amount", amount(series.periodTotal().mean()));
        total.put("Unit", unit);
        total.put("PredictionIntervalLowerBound", amount(series.periodTotal().lower()));
        total.put("PredictionIntervalUpperBound", amount(series.periodTotal().upper()));
        node.put("Method", series.forecast().method().name());
        ArrayNode results = node.putArray("ForecastResultsByTime");
        for (ForecastAnswer.Bucket bucket : series.buckets()) {
            ObjectNode result = results.addObject();
            ObjectNode period = result.putObject("TimePeriod");
            period.put("Start", bucket.start().toString());
            period.put("End", bucket.end().toString());
            ForecastInterval value = bucket.value();
            result.put("MeanValue", amount(value.mean()));
            result.put("PredictionIntervalLowerBound", amount(value.lower()));
            result.put("PredictionIntervalUpperBound", amount(value.upper()));
        }
    }

    /** Estimates are shown to the cent (Cost Explorer writes long decimal strings too). */
    static String amount(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static int integer(JsonNode node, String path) {
        if (!node.canConvertToInt() && !(node.isTextual() && node.asText().matches("\\d{1,6}"))) {
            throw invalid(path, "must be a whole number");
        }
        return node.isTextual() ? Integer.parseInt(node.asText()) : node.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(field, "is required and must be a string");
        }
        return value.asText();
    }

    private static SpendlensException invalid(String path, String problem) {
        return new SpendlensException(ErrorCode.INVALID_ARGUMENT, path + " " + problem);
    }
}
