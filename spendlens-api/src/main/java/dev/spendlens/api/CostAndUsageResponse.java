package dev.spendlens.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.allocation.TagSource;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.MetricValue;
import dev.spendlens.costquery.ResultByTime;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link CostResult} in GetCostAndUsage's response shape: {@code GroupDefinitions},
 * {@code ResultsByTime[{TimePeriod, Total, Groups[{Keys, Metrics}], Estimated}]},
 * {@code DimensionValueAttributes}, {@code NextPageToken}. Tag group keys read {@code key$value},
 * as Cost Explorer writes them. Amounts are exact decimal strings.
 */
public final class CostAndUsageResponse {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CostAndUsageResponse() {}

    public static ObjectNode write(CostResult result, Granularity granularity) {
        ObjectNode root = JSON.objectNode();
        ArrayNode definitions = root.putArray("GroupDefinitions");
        for (Field field : result.groupDefinitions()) {
            ObjectNode definition = definitions.addObject();
            definition.put("Type", type(field));
            definition.put("Key", key(field));
        }
        ArrayNode results = root.putArray("ResultsByTime");
        for (ResultByTime bucket : result.resultsByTime()) {
            ObjectNode node = results.addObject();
            ObjectNode period = node.putObject("TimePeriod");
            period.put("Start", time(bucket.start(), granularity));
            period.put("End", time(bucket.end(), granularity));
            metrics(node.putObject("Total"), bucket.total());
            ArrayNode groups = node.putArray("Groups");
            for (CostGroup group : bucket.groups()) {
                ObjectNode groupNode = groups.addObject();
                ArrayNode keys = groupNode.putArray("Keys");
                List<String> values = group.keys();
                for (int i = 0; i < values.size(); i++) {
                    keys.add(groupKey(result.groupDefinitions().get(i), values.get(i)));
                }
                metrics(groupNode.putObject("Metrics"), group.metrics());
            }
            node.put("Estimated", bucket.estimated());
        }
        root.putArray("DimensionValueAttributes");
        result.nextPageToken().ifPresent(token -> root.put("NextPageToken", token));
        return root;
    }

    /** The amount as Cost Explorer prints it: exact, without trailing zeros. */
    public static String amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    private static void metrics(ObjectNode node, Map<Metric, MetricValue> metrics) {
        metrics.forEach((metric, value) -> {
            ObjectNode metricNode = node.putObject(metric.apiName());
            metricNode.put("Amount", amount(value.amount()));
            metricNode.put("Unit", value.unit());
        });
    }

    private static String time(LocalDateTime time, Granularity granularity) {
        return granularity == Granularity.HOURLY ? time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")) : time.toLocalDate().toString();
    }

    /** DIMENSION, TAG, COST_CATEGORY, or ALLOCATION for Spendlens's allocation dimensions. */
    public static String type(Field field) {
        if (field instanceof Field.Builtin) {
            return "DIMENSION";
        }
        if (field instanceof Field.Allocation) {
            return "ALLOCATION";
        }
        return ((Field.Tag) field).key().startsWith(TagSource.COST_CATEGORY.prefix()) ? "COST_CATEGORY" : "TAG";
    }

    public static String key(Field field) {
        if (field instanceof Field.Builtin builtin) {
            return builtin.dimension().name();
        }
        if (field instanceof Field.Allocation allocation) {
            return allocation.dimension();
        }
        String key = ((Field.Tag) field).key();
        return key.startsWith(TagSource.COST_CATEGORY.prefix()) ? key.substring(TagSource.COST_CATEGORY.prefix().length()) : key;
    }

    private static String groupKey(Field field, String value) {
        return field instanceof Field.Tag ? key(field) + "$" + value : value;
    }
}
