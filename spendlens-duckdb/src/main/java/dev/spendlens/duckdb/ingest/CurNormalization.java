package dev.spendlens.duckdb.ingest;

import dev.spendlens.export.ExportFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that knows CUR's column names: turns any supported export file into the canonical
 * line relation every later step reads.
 *
 * <p>Canonical columns: billing_period, payer_account_id, invoice_id, billing_entity,
 * line_item_type, usage_account_id, usage_account_name, usage_start, product_code, product_name,
 * product_family, usage_type, operation, resource_id, region, pricing_unit, currency, principal,
 * tags (MAP), unblended_cost, net_unblended_cost, usage_amount. Strings are never NULL (empty
 * instead) so that later joins on them are exact; money is DECIMAL(38,10).
 */
final class CurNormalization {
    static final String MONEY = "DECIMAL(38,10)";
    private static final String EMPTY_TAGS = "CAST(MAP() AS MAP(VARCHAR, VARCHAR))";

    /** Which rows are Amazon Bedrock, as AWS's own dashboards decide it. */
    static final String BEDROCK_ROWS = """
            ((billing_entity IN ('AWS', '') AND product_code IN ('AmazonBedrock', 'AmazonBedrockService', 'AmazonBedrockFoundationModels', 'AmazonBedrockAgentCore'))
             OR (billing_entity = 'AWS Marketplace' AND product_name LIKE '%Bedrock%')
             OR product_family IN ('Amazon Bedrock', 'Amazon Bedrock AgentCore'))""";

    private CurNormalization() {}

    /** The file as DuckDB reads it, every CSV column as text so that nothing is guessed. */
    static String rawRelation(ExportFile file) {
        String path = literal(file.path().toAbsolutePath().toString());
        return switch (file.type()) {
            case PARQUET -> "read_parquet(%s)".formatted(path);
            case CSV_GZIP, CSV -> "read_csv(%s, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"', sample_size = -1)".formatted(path);
        };
    }

    /** {@code SELECT <canonical columns> FROM <file>}. */
    static String select(InspectedFile file) {
        SourceColumns c = file.columns();
        boolean csv = file.flavor() == CurFlavor.LEGACY_CSV;
        List<String> select = new ArrayList<>();
        select.add("CAST(date_trunc('month', %s) AS DATE) AS billing_period".formatted(timestamp(c, csv ? "bill/BillingPeriodStartDate" : "bill_billing_period_start_date")));
        select.add(text(c, "payer_account_id", csv ? "bill/PayerAccountId" : "bill_payer_account_id"));
        select.add(text(c, "invoice_id", csv ? "bill/InvoiceId" : "bill_invoice_id"));
        select.add(text(c, "billing_entity", csv ? "bill/BillingEntity" : "bill_billing_entity"));
        select.add(text(c, "line_item_type", csv ? "lineItem/LineItemType" : "line_item_line_item_type"));
        select.add(text(c, "usage_account_id", csv ? "lineItem/UsageAccountId" : "line_item_usage_account_id"));
        select.add(text(c, "usage_account_name", csv ? "lineItem/UsageAccountName" : "line_item_usage_account_name"));
        select.add(timestamp(c, csv ? "lineItem/UsageStartDate" : "line_item_usage_start_date") + " AS usage_start");
        select.add(text(c, "product_code", csv ? "lineItem/ProductCode" : "line_item_product_code"));
        select.add(productName(c, file.flavor()) + " AS product_name");
        select.add(text(c, "product_family", csv ? "product/productFamily" : "product_product_family"));
        select.add(text(c, "usage_type", csv ? "lineItem/UsageType" : "line_item_usage_type"));
        select.add(text(c, "operation", csv ? "lineItem/Operation" : "line_item_operation"));
        select.add(text(c, "resource_id", csv ? "lineItem/ResourceId" : "line_item_resource_id"));
        select.add(text(c, "region", csv ? new String[] {"product/regionCode", "product/region"} : new String[] {"product_region_code", "product_region"}));
        select.add(text(c, "pricing_unit", csv ? "pricing/unit" : "pricing_unit"));
        select.add(text(c, "currency", csv ? "lineItem/CurrencyCode" : "line_item_currency_code"));
        select.add(text(c, "principal", "line_item_iam_principal"));
        select.add(tags(c, file.flavor()) + " AS tags");
        String unblended = money(c, csv ? "lineItem/UnblendedCost" : "line_item_unblended_cost");
        select.add(unblended + " AS unblended_cost");
        Optional<String> net = c.reference(csv ? "lineItem/NetUnblendedCost" : "line_item_net_unblended_cost");
        select.add(net.map(column -> "coalesce(CAST(%s AS %s), %s)".formatted(column, MONEY, unblended)).orElse(unblended) + " AS net_unblended_cost");
        select.add("coalesce(%s, 0) AS usage_amount".formatted(money(c, csv ? "lineItem/UsageAmount" : "line_item_usage_amount")));
        return "SELECT " + String.join(",\n       ", select) + "\nFROM " + rawRelation(file.file());
    }

    /** The source columns that hold money or dates, which a bad value can make unreadable; for error diagnosis. */
    static List<String> typedColumns(InspectedFile file) {
        boolean csv = file.flavor() == CurFlavor.LEGACY_CSV;
        List<String> names = csv
                ? List.of("lineItem/UnblendedCost", "lineItem/NetUnblendedCost", "lineItem/UsageAmount", "lineItem/UsageStartDate", "bill/BillingPeriodStartDate")
                : List.of("line_item_unblended_cost", "line_item_net_unblended_cost", "line_item_usage_amount", "line_item_usage_start_date", "bill_billing_period_start_date", "tags", "product");
        return names.stream().filter(file.columns()::has).toList();
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String text(SourceColumns columns, String alias, String... candidates) {
        for (String candidate : candidates) {
            Optional<String> reference = columns.reference(candidate);
            if (reference.isPresent()) {
                return "coalesce(CAST(%s AS VARCHAR), '') AS %s".formatted(reference.get(), alias);
            }
        }
        return "'' AS " + alias;
    }

    private static String money(SourceColumns columns, String name) {
        return columns.reference(name).map(column -> "CAST(%s AS %s)".formatted(column, MONEY)).orElse("CAST(NULL AS " + MONEY + ")");
    }

    private static String timestamp(SourceColumns columns, String name) {
        // Text ('2026-07-01T00:00:00Z') and zoned timestamps both cast; zoned ones convert in the
        // session's time zone, which the ingester pins to UTC.
        return "CAST(%s AS TIMESTAMP)".formatted(columns.reference(name).orElseThrow());
    }

    private static String productName(SourceColumns columns, CurFlavor flavor) {
        return switch (flavor) {
            case CUR2 -> columns.reference("product")
                    .map(product -> isMap(columns, "product")
                            ? "coalesce(%s['product_name'], '')".formatted(product)
                            : "coalesce(json_extract_string(%s, '$.product_name'), '')".formatted(product))
                    .orElseGet(() -> columns.reference("product_product_name").map(name -> "coalesce(%s, '')".formatted(name)).orElse("''"));
            case LEGACY_ATHENA -> columns.reference("product_product_name").map(name -> "coalesce(%s, '')".formatted(name)).orElse("''");
            case LEGACY_CSV -> columns.reference("product/ProductName").map(name -> "coalesce(%s, '')".formatted(name)).orElse("''");
        };
    }

    private static boolean isMap(SourceColumns columns, String name) {
        return columns.type(name).map(type -> type.toUpperCase(Locale.ROOT).startsWith("MAP")).orElse(false);
    }

    private static String tags(SourceColumns columns, CurFlavor flavor) {
        return switch (flavor) {
            case CUR2 -> {
                if (columns.has("tags")) {
                    String tags = columns.reference("tags").orElseThrow();
                    yield isMap(columns, "tags")
                            ? "coalesce(%s, %s)".formatted(tags, EMPTY_TAGS)
                            : "coalesce(CAST(CAST(nullif(%s, '') AS JSON) AS MAP(VARCHAR, VARCHAR)), %s)".formatted(tags, EMPTY_TAGS);
                }
                // Without the tags map, fall back to the older resource_tags map (user_team -> resourceTags/team).
                yield columns.reference("resource_tags").filter(ignored -> isMap(columns, "resource_tags"))
                        .map(resourceTags -> ("coalesce(map_from_entries(list_transform(map_entries(%s), e -> {'key': 'resourceTags/' || regexp_replace(e.key, '^user_', ''), 'value': e.value})), %s)")
                                .formatted(resourceTags, EMPTY_TAGS))
                        .orElse(EMPTY_TAGS);
            }
            case LEGACY_ATHENA -> tagColumns(columns, name -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("resource_tags_user_")) {
                    return Optional.of("resourceTags/" + name.substring("resource_tags_user_".length()));
                }
                if (lower.startsWith("cost_category_")) {
                    return Optional.of("costCategory/" + name.substring("cost_category_".length()));
                }
                return Optional.empty();
            });
            case LEGACY_CSV -> tagColumns(columns, name -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("resourcetags/user:")) {
                    return Optional.of("resourceTags/" + name.substring("resourceTags/user:".length()));
                }
                if (lower.startsWith("costcategory/")) {
                    return Optional.of("costCategory/" + name.substring("costCategory/".length()));
                }
                return Optional.empty();
            });
        };
    }

    private interface TagKeyOfColumn {
        Optional<String> tagKey(String column);
    }

    private static String tagColumns(SourceColumns columns, TagKeyOfColumn tagKeyOfColumn) {
        List<String> entries = new ArrayList<>();
        for (String column : columns.typesByName().keySet()) {
            tagKeyOfColumn.tagKey(column).ifPresent(key -> entries.add("{'key': %s, 'value': CAST(%s AS VARCHAR)}".formatted(literal(key), SourceColumns.quote(column))));
        }
        if (entries.isEmpty()) {
            return EMPTY_TAGS;
        }
        return "map_from_entries(list_filter([%s], e -> e.value IS NOT NULL AND e.value <> ''))".formatted(String.join(", ", entries));
    }
}
