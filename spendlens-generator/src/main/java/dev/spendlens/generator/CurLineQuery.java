package dev.spendlens.generator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SQL that turns the compact plan into CUR 2.0 line items: explode each workload-day into its
 * hours and meters, price them, and lay out the 116 columns. Text columns come from small joined
 * tables of precomputed strings; per-row work is arithmetic and one hash.
 *
 * <p>Two statements per data file: {@link #explode} (parameters: seed, first day, last day, period
 * index of the special lines to include or -1, earlier-delivery flag, first day of late-arriving
 * usage) and {@link #select} (parameters: seed, period start, period end, AWS invoice id,
 * Marketplace invoice id).
 */
final class CurLineQuery {
    /** The product map gains provider, model, inference_type and feature from this instant on. */
    static final String PRODUCT_V2_FROM = "2026-07-01 00:00:00";
    private static final String ISO_INSTANT = "'%Y-%m-%dT%H:%M:%SZ'";

    private CurLineQuery() {}

    static String select(OutputFormat format, String payerId, String payerName) {
        StringJoiner columns = new StringJoiner(",\n    ");
        Map<String, String> expressions = expressions(payerId, payerName);
        for (CurColumn column : CurSchema.COLUMNS) {
            String expression = expressions.getOrDefault(column.name(), "CAST(NULL AS " + column.type().duckDbType() + ")");
            columns.add(formatted(format, column, expression) + " AS " + column.name());
        }
        return """
                SELECT
                    %s
                FROM period_lines l
                JOIN meters m ON m.meter_id = l.meter_id
                JOIN accounts a ON a.account_index = l.account_index
                JOIN arns r ON r.arn_id = l.arn_id
                JOIN tag_sets t ON t.tag_set_id = l.tag_set_id
                JOIN resources res ON res.resource_index = l.resource_index
                """.formatted(columns.toString());
    }

    /**
     * The narrow line items of one file (ids, times, amounts, costs), materialised into
     * {@code period_lines} so that the wide {@link #select} runs over many row groups, in parallel.
     */
    static String explode() {
        return """
                CREATE OR REPLACE TEMP TABLE period_lines AS
                WITH exploded AS (
                    SELECT h.start_ts, h.end_ts, h.time_interval, p.day_index, p.workload_id, wm.meter_id, p.arn_id, p.tag_set_id,
                           w.account_index, w.resource_index, CAST(NULL AS DOUBLE) AS fixed_cost, false AS final_only,
                           hash($1, p.workload_id, wm.meter_id, p.arn_id, h.hour_id) AS line_hash,
                           ((CASE WHEN ((p.base_mask >> h.hour) & 1) = 1 THEN p.volume * s.weight * p.norm ELSE 0 END)
                            + (CASE WHEN h.hour BETWEEN p.extra_from AND p.extra_to
                                    THEN p.extra_volume * pow(p.extra_growth, h.hour - p.extra_from) ELSE 0 END)) * wm.ratio AS raw_units
                    FROM plan p
                    JOIN hours h ON h.day_index = p.day_index AND ((p.row_mask >> h.hour) & 1) = 1
                    JOIN hour_weights s ON s.shape = p.shape AND s.hour = h.hour
                    JOIN workloads w ON w.workload_id = p.workload_id
                    JOIN workload_meters wm ON wm.workload_id = p.workload_id
                    WHERE p.day_index BETWEEN $2 AND $3
                    UNION ALL
                    SELECT x.start_ts, x.end_ts, x.time_interval, x.day_index, -x.line_key, x.meter_id, 0, x.tag_set_id,
                           x.account_index, 0, x.cost, x.final_only, hash($1, -x.line_key, x.meter_id, 0, 0), CAST(0 AS DOUBLE)
                    FROM special_lines x
                    WHERE x.period_index = $4
                ),
                priced AS (
                    SELECT e.*, m.rate, m.line_item_type, m.bedrock,
                           CASE WHEN e.fixed_cost IS NOT NULL THEN 0.0
                                WHEN m.token_charge THEN greatest(round(e.raw_units * (1 + m.jitter * (CAST(e.line_hash % 2001 AS DOUBLE) / 1000.0 - 1))), 1)
                                                         / m.tokens_per_unit
                                ELSE round(e.raw_units * (1 + m.jitter * (CAST(e.line_hash % 2001 AS DOUBLE) / 1000.0 - 1)), 6) END AS amount
                    FROM exploded e
                    JOIN meters m ON m.meter_id = e.meter_id
                )
                SELECT start_ts, end_ts, time_interval, meter_id, arn_id, tag_set_id, account_index, resource_index, line_hash, amount,
                       coalesce(fixed_cost, round(amount * rate, 10)) AS cost
                FROM priced
                WHERE NOT ($5 AND (final_only
                                   OR (bedrock AND line_item_type = 'Usage'
                                       AND ((line_hash >> 8) % 100 < 3 OR (day_index >= $6 AND (line_hash >> 16) % 2 = 0)))))
                -- A fixed order whatever the number of threads: the files must not vary from run to run.
                ORDER BY workload_id, day_index, meter_id, start_ts
                """;
    }

    private static Map<String, String> expressions(String payerId, String payerName) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("bill_bill_type", "'Anniversary'");
        columns.put("bill_billing_entity", "m.billing_entity");
        columns.put("bill_billing_period_end_date", "CAST($3 AS TIMESTAMP)");
        columns.put("bill_billing_period_start_date", "CAST($2 AS TIMESTAMP)");
        columns.put("bill_invoice_id", "CASE WHEN m.billing_entity = 'AWS' THEN $4 ELSE $5 END");
        columns.put("bill_invoicing_entity", "'" + ModelCatalog.AWS_LEGAL_ENTITY + "'");
        columns.put("bill_payer_account_id", quoted(payerId));
        columns.put("bill_payer_account_name", quoted(payerName));
        columns.put("cost_category", "a.cost_category");
        columns.put("identity_line_item_id", "printf('%016x%016x', l.line_hash, hash(l.line_hash, $1))");
        columns.put("identity_time_interval", "l.time_interval");
        columns.put("line_item_availability_zone", "res.availability_zone");
        columns.put("line_item_blended_cost", "l.cost");
        columns.put("line_item_blended_rate", "m.rate_text");
        columns.put("line_item_currency_code", "'USD'");
        columns.put("line_item_legal_entity", "m.legal_entity");
        columns.put("line_item_line_item_description", "m.description");
        columns.put("line_item_line_item_type", "m.line_item_type");
        columns.put("line_item_net_unblended_cost", "l.cost");
        columns.put("line_item_net_unblended_rate", "m.rate_text");
        columns.put("line_item_operation", "m.operation");
        columns.put("line_item_product_code", "m.product_code");
        columns.put("line_item_resource_id", "res.resource_id");
        columns.put("line_item_tax_type", "m.tax_type");
        columns.put("line_item_unblended_cost", "l.cost");
        columns.put("line_item_unblended_rate", "m.rate_text");
        columns.put("line_item_usage_account_id", "a.account_id");
        columns.put("line_item_usage_account_name", "a.account_name");
        columns.put("line_item_usage_amount", "l.amount");
        columns.put("line_item_usage_end_date", "l.end_ts");
        columns.put("line_item_usage_start_date", "l.start_ts");
        columns.put("line_item_usage_type", "m.usage_type");
        columns.put("pricing_currency", "'USD'");
        columns.put("pricing_public_on_demand_cost", "CASE WHEN m.line_item_type = 'Usage' THEN l.cost ELSE 0.0 END");
        columns.put("pricing_public_on_demand_rate", "m.rate_text");
        columns.put("pricing_term", "CASE WHEN m.line_item_type = 'Usage' THEN 'OnDemand' ELSE '' END");
        columns.put("pricing_unit", "m.pricing_unit");
        columns.put("product", "CASE WHEN l.start_ts >= TIMESTAMP '" + PRODUCT_V2_FROM + "' THEN m.product_v2 ELSE m.product_v1 END");
        columns.put("product_instance_type", "m.instance_type");
        columns.put("product_location", "m.location");
        columns.put("product_location_type", "CASE WHEN m.location <> '' THEN 'AWS Region' ELSE '' END");
        columns.put("product_operation", "m.operation");
        columns.put("product_product_family", "m.product_family");
        columns.put("product_region_code", "m.region_code");
        columns.put("product_servicecode", "m.service_code");
        columns.put("product_sku", "m.sku");
        columns.put("product_usagetype", "m.usage_type");
        columns.put("resource_tags", "res.resource_tags");
        columns.put("tags", "t.tags");
        columns.put("line_item_iam_principal", "r.arn");
        return columns;
    }

    // CSV has no types: timestamps as ISO instants, maps as JSON objects, doubles as plain decimals.
    private static String formatted(OutputFormat format, CurColumn column, String expression) {
        return switch (format) {
            case PARQUET -> expression;
            case CSV -> switch (column.type()) {
                case STRING -> expression;
                case DOUBLE -> "CAST(CAST(" + expression + " AS DECIMAL(38, 10)) AS VARCHAR)";
                case TIMESTAMP -> "strftime(" + expression + ", " + ISO_INSTANT + ")";
                case MAP_OF_STRING, MAP_OF_DOUBLE -> "CAST(to_json(" + expression + ") AS VARCHAR)";
            };
        };
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
