package dev.spendlens.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GetCostAndUsage request body: {@code TimePeriod{Start,End}}, {@code Granularity},
 * {@code Metrics}, {@code GroupBy[{Type,Key}]}, {@code Filter}, {@code NextPageToken}. Unlike Cost
 * Explorer, more than two group-bys are allowed.
 */
public record CostAndUsageRequest(CostQuery query, Optional<String> nextPageToken) {
    public CostAndUsageRequest {
        requireNonNull(query, "query is null");
        requireNonNull(nextPageToken, "nextPageToken is null");
    }

    public static CostAndUsageRequest parse(JsonNode body, FieldParser fields) {
        if (body == null || !body.isObject()) {
            throw invalid("the request body", "must be a JSON object");
        }
        JsonNode period = body.get("TimePeriod");
        if (period == null || !period.isObject()) {
            throw invalid("TimePeriod", "is required: {\"Start\": \"2026-07-01\", \"End\": \"2026-08-01\"}");
        }
        TimePeriod timePeriod = TimePeriod.parse(text(period, "Start", "TimePeriod.Start"), text(period, "End", "TimePeriod.End"), "TimePeriod.Start", "TimePeriod.End");
        Granularity granularity = body.hasNonNull("Granularity") ? Granularity.parse(body.get("Granularity").asText()) : Granularity.MONTHLY;
        List<Metric> metrics = new ArrayList<>();
        JsonNode metricsNode = body.get("Metrics");
        if (metricsNode == null || !metricsNode.isArray() || metricsNode.isEmpty()) {
            throw invalid("Metrics", "must list at least one metric, e.g. [\"UnblendedCost\"]");
        }
        metricsNode.forEach(metric -> metrics.add(Metric.parse(metric.asText())));
        List<Field> groupBy = new ArrayList<>();
        JsonNode groupByNode = body.get("GroupBy");
        if (groupByNode != null && !groupByNode.isNull()) {
            if (!groupByNode.isArray()) {
                throw invalid("GroupBy", "must be an array of {\"Type\": ..., \"Key\": ...}");
            }
            for (int i = 0; i < groupByNode.size(); i++) {
                JsonNode group = groupByNode.get(i);
                String path = "GroupBy[" + i + "]";
                groupBy.add(fields.parse(text(group, "Type", path + ".Type"), text(group, "Key", path + ".Key")));
            }
        }
        Optional<Expression> filter = body.hasNonNull("Filter") ? Optional.of(new ExpressionJson(fields).parse(body.get("Filter"), "Filter")) : Optional.empty();
        Optional<String> token = body.hasNonNull("NextPageToken") ? Optional.of(body.get("NextPageToken").asText()) : Optional.empty();
        return new CostAndUsageRequest(new CostQuery(timePeriod, granularity, metrics, groupBy, filter), token);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(path, "is required and must be a string");
        }
        return value.asText();
    }

    private static SpendlensException invalid(String path, String problem) {
        return new SpendlensException(ErrorCode.INVALID_ARGUMENT, path + " " + problem);
    }
}
