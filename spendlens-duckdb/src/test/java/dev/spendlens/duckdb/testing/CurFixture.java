package dev.spendlens.duckdb.testing;

import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes small CUR exports for tests with a real DuckDB: CUR 2.0 Parquet and gzip CSV (maps as
 * JSON), legacy Athena Parquet and legacy CSV with {@code lineItem/UsageType} headers.
 */
public final class CurFixture {
    private CurFixture() {}

    public static ExportFile cur2Parquet(Path file, List<CurLine> lines) {
        copy(file, cur2Select(lines, false), "FORMAT parquet, COMPRESSION snappy");
        return new ExportFile(file, FileType.PARQUET, file.toString(), Optional.empty());
    }

    public static ExportFile cur2CsvGzip(Path file, List<CurLine> lines) {
        copy(file, cur2Select(lines, true), "FORMAT csv, HEADER true, COMPRESSION gzip");
        return new ExportFile(file, FileType.CSV_GZIP, file.toString(), Optional.empty());
    }

    /** Legacy CUR for Athena: flattened snake_case columns, tags as resource_tags_user_* columns. */
    public static ExportFile legacyAthenaParquet(Path file, List<CurLine> lines, List<String> tagKeys) {
        List<String> rows = new ArrayList<>();
        for (CurLine line : lines) {
            List<String> values = new ArrayList<>(List.of(
                    text(line.payer), "TIMESTAMP " + text(line.billingPeriod), text(line.invoice), text(line.billingEntity), text(line.lineItemType),
                    text(line.account), "TIMESTAMP " + text(line.start.toString()), text(line.productCode), text(line.productName), text(line.productFamily),
                    text(line.usageType), text(line.operation), text(line.resourceId), text(line.region), text(line.pricingUnit), text(line.currency),
                    "CAST(" + line.cost + " AS DOUBLE)", "CAST(" + line.usageAmount + " AS DOUBLE)"));
            for (String key : tagKeys) {
                values.add(text(line.tags.getOrDefault("resourceTags/" + key, "")));
            }
            rows.add("(" + String.join(", ", values) + ")");
        }
        List<String> names = new ArrayList<>(List.of("bill_payer_account_id", "bill_billing_period_start_date", "bill_invoice_id", "bill_billing_entity",
                "line_item_line_item_type", "line_item_usage_account_id", "line_item_usage_start_date", "line_item_product_code", "product_product_name",
                "product_product_family", "line_item_usage_type", "line_item_operation", "line_item_resource_id", "product_region", "pricing_unit",
                "line_item_currency_code", "line_item_unblended_cost", "line_item_usage_amount"));
        tagKeys.forEach(key -> names.add("resource_tags_user_" + key));
        copy(file, "SELECT * FROM (VALUES " + String.join(",\n", rows) + ") AS t(" + String.join(", ", names) + ")", "FORMAT parquet");
        return new ExportFile(file, FileType.PARQUET, file.toString(), Optional.empty());
    }

    /** Legacy CUR CSV: {@code lineItem/UsageType} headers, {@code resourceTags/user:<key>} tag columns. */
    public static ExportFile legacyCsv(Path file, List<CurLine> lines, List<String> tagKeys) {
        List<String> header = new ArrayList<>(List.of("identity/LineItemId", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "bill/InvoiceId", "bill/BillingEntity",
                "lineItem/LineItemType", "lineItem/UsageAccountId", "lineItem/UsageStartDate", "lineItem/ProductCode", "product/ProductName",
                "product/productFamily", "lineItem/UsageType", "lineItem/Operation", "lineItem/ResourceId", "product/region", "pricing/unit",
                "lineItem/CurrencyCode", "lineItem/UnblendedCost", "lineItem/UsageAmount"));
        tagKeys.forEach(key -> header.add("resourceTags/user:" + key));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        int id = 0;
        for (CurLine line : lines) {
            List<String> values = new ArrayList<>(List.of("id" + id++, line.payer, line.billingPeriod + "Z", line.invoice, line.billingEntity, line.lineItemType,
                    line.account, line.start + ":00Z", line.productCode, line.productName, line.productFamily, line.usageType, line.operation, line.resourceId,
                    line.region, line.pricingUnit, line.currency, line.cost, line.usageAmount));
            for (String key : tagKeys) {
                values.add(line.tags.getOrDefault("resourceTags/" + key, ""));
            }
            csv.append(values.stream().map(CurFixture::csvField).collect(Collectors.joining(","))).append('\n');
        }
        try {
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportFile(file, FileType.CSV, file.toString(), Optional.empty());
    }

    private static String cur2Select(List<CurLine> lines, boolean jsonMaps) {
        List<String> rows = new ArrayList<>();
        for (CurLine line : lines) {
            String product = jsonMaps ? text(json(Map.of("product_name", line.productName))) : "MAP {'product_name': " + text(line.productName) + "}";
            String tags = jsonMaps ? text(json(line.tags)) : map(line.tags);
            rows.add("(" + String.join(", ",
                    text(line.payer), "TIMESTAMP " + text(line.billingPeriod), text(line.invoice), text(line.billingEntity), text(line.lineItemType),
                    text(line.account), text(line.accountName), "TIMESTAMP " + text(line.start.toString()), text(line.productCode), product,
                    text(line.productFamily), text(line.usageType), text(line.operation), text(line.resourceId), text(line.region), text(line.pricingUnit),
                    text(line.currency), line.principal.isEmpty() ? "NULL" : text(line.principal), tags,
                    jsonMaps ? text(line.cost) : "CAST(" + text(line.cost) + " AS DOUBLE)",
                    line.netCost == null ? "NULL" : jsonMaps ? text(line.netCost) : "CAST(" + text(line.netCost) + " AS DOUBLE)",
                    jsonMaps ? text(line.usageAmount) : "CAST(" + text(line.usageAmount) + " AS DOUBLE)") + ")");
        }
        return "SELECT * FROM (VALUES " + String.join(",\n", rows) + ") AS t(bill_payer_account_id, bill_billing_period_start_date, bill_invoice_id, "
                + "bill_billing_entity, line_item_line_item_type, line_item_usage_account_id, line_item_usage_account_name, line_item_usage_start_date, "
                + "line_item_product_code, product, product_product_family, line_item_usage_type, line_item_operation, line_item_resource_id, "
                + "product_region_code, pricing_unit, line_item_currency_code, line_item_iam_principal, tags, line_item_unblended_cost, "
                + "line_item_net_unblended_cost, line_item_usage_amount)";
    }

    private static void copy(Path file, String select, String options) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO " + text(file.toAbsolutePath().toString()) + " (" + options + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("writing fixture " + file + ": " + e.getMessage(), e);
        }
    }

    private static String map(Map<String, String> values) {
        if (values.isEmpty()) {
            return "CAST(MAP() AS MAP(VARCHAR, VARCHAR))";
        }
        return "MAP {" + values.entrySet().stream().map(entry -> text(entry.getKey()) + ": " + text(entry.getValue())).collect(Collectors.joining(", ")) + "}";
    }

    private static String json(Map<String, String> values) {
        return "{" + values.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":\"" + entry.getValue() + "\"").collect(Collectors.joining(",")) + "}";
    }

    private static String text(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Cuts a file to half its size, as an interrupted download would. */
    public static void truncate(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
