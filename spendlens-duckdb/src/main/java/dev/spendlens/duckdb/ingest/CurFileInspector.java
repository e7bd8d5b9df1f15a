package dev.spendlens.duckdb.ingest;

import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads an export file's columns before anything is loaded, so that a broken or foreign file is
 * refused with its name before the store is touched.
 */
final class CurFileInspector {
    private static final List<String> REQUIRED_SNAKE = List.of(
            "bill_payer_account_id", "bill_billing_period_start_date", "line_item_usage_account_id", "line_item_line_item_type",
            "line_item_product_code", "line_item_usage_type", "line_item_usage_start_date", "line_item_unblended_cost", "line_item_currency_code");
    private static final List<String> REQUIRED_LEGACY_CSV = List.of(
            "bill/PayerAccountId", "bill/BillingPeriodStartDate", "lineItem/UsageAccountId", "lineItem/LineItemType",
            "lineItem/ProductCode", "lineItem/UsageType", "lineItem/UsageStartDate", "lineItem/UnblendedCost", "lineItem/CurrencyCode");

    private CurFileInspector() {}

    static InspectedFile inspect(Connection connection, ExportFile file) {
        if (!Files.isReadable(file.path())) {
            throw new SpendlensException(ErrorCode.SOURCE_NOT_FOUND, "cannot read export file %s".formatted(file.origin()));
        }
        SourceColumns columns = describe(connection, file);
        CurFlavor flavor = flavor(file, columns);
        List<String> required = flavor == CurFlavor.LEGACY_CSV ? REQUIRED_LEGACY_CSV : REQUIRED_SNAKE;
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (!columns.has(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new SpendlensException(ErrorCode.CUR_MISSING_COLUMN, "%s: required column%s %s missing (read as %s); is this a complete CUR export?".formatted(
                    file.origin(), missing.size() == 1 ? "" : "s", String.join(", ", missing), flavor));
        }
        return new InspectedFile(file, flavor, columns, rows(connection, file));
    }

    private static OptionalLong rows(Connection connection, ExportFile file) {
        if (file.type() != FileType.PARQUET) {
            return OptionalLong.empty();
        }
        String sql = "SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(%s)".formatted(CurNormalization.literal(file.path().toAbsolutePath().toString()));
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return OptionalLong.of(rows.getLong(1));
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.CUR_UNREADABLE_FILE, "%s cannot be read as Parquet: %s (truncated?)".formatted(file.origin(), SqlFailures.firstLine(e.getMessage())), e);
        }
    }

    private static SourceColumns describe(Connection connection, ExportFile file) {
        Map<String, String> types = new LinkedHashMap<>();
        String sql = "DESCRIBE SELECT * FROM " + CurNormalization.rawRelation(file);
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                types.put(rows.getString("column_name"), rows.getString("column_type"));
            }
        } catch (SQLException e) {
            throw new SpendlensException(ErrorCode.CUR_UNREADABLE_FILE, "%s cannot be read as %s: %s (truncated or not a CUR export?)".formatted(
                    file.origin(), file.type(), SqlFailures.firstLine(e.getMessage())), e);
        }
        return new SourceColumns(types);
    }

    private static CurFlavor flavor(ExportFile file, SourceColumns columns) {
        if (columns.has("lineItem/UsageType")) {
            return CurFlavor.LEGACY_CSV;
        }
        if (columns.has("line_item_usage_type")) {
            boolean cur2 = columns.has("tags") || columns.has("product") || columns.has("line_item_iam_principal");
            return cur2 ? CurFlavor.CUR2 : CurFlavor.LEGACY_ATHENA;
        }
        throw new SpendlensException(ErrorCode.CUR_MISSING_COLUMN,
                "%s has neither line_item_usage_type (CUR 2.0, Athena) nor lineItem/UsageType (legacy CSV): is it a Cost and Usage Report?".formatted(file.origin()));
    }
}
