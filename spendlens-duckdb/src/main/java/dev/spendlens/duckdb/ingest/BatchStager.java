package dev.spendlens.duckdb.ingest;

import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.FileType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The first of the two passes over each export file: it keeps only what decides a line's charge
 * type and owner, once per distinct key ({@code batch_keys}: a few thousand rows for millions of
 * lines), with the sums the writer must later reproduce exactly. The lines themselves are never
 * materialised: the second pass ({@link PeriodWriter}) streams them from the file into the facts.
 *
 * <p>A key is identified within the batch by {@link #KEY_HASH}, so that the second pass joins each
 * line to its decoded key on one number instead of thirteen strings. The tags map is keyed by its
 * hash for the same reason; neither hash ever leaves the batch.
 */
final class BatchStager {
    /** The key of a canonical line: the charge columns, the caller and the tags. */
    static final String KEY_HASH = keyHash("hash(tags)");

    /**
     * A cheaper key for the second pass, without the two map columns, which cost most of a scan: in
     * CUR a line's tags follow from its caller, account and resource, and its product name from its
     * product code. The first pass checks that this holds for the batch before the second pass may
     * rely on it (see {@link PeriodWriter}).
     */
    static final String LINE_KEY = """
            hash(payer_account_id, invoice_id, billing_entity, line_item_type, product_code, usage_type, operation, region,
                 pricing_unit, currency, principal, usage_account_id, resource_id)""";

    record StagedFile(long rows, long bedrockRows) {}

    // The key's hash, given the expression of its tags map's hash.
    private static String keyHash(String tagsHash) {
        return """
                hash(payer_account_id, invoice_id, billing_entity, line_item_type, product_code, product_name, usage_type, operation, region,
                     pricing_unit, currency, principal, %s)""".formatted(tagsHash);
    }

    private BatchStager() {}

    static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE batch_keys (
                        file_index INTEGER, key_hash UBIGINT, billing_period DATE, payer_account_id VARCHAR, invoice_id VARCHAR,
                        billing_entity VARCHAR, line_item_type VARCHAR, product_code VARCHAR, product_name VARCHAR, usage_type VARCHAR,
                        operation VARCHAR, region VARCHAR, pricing_unit VARCHAR, currency VARCHAR, principal VARCHAR, tags_hash UBIGINT,
                        tags MAP(VARCHAR, VARCHAR), usage_account_id VARCHAR, resource_id VARCHAR, line_key UBIGINT, usage_account_name VARCHAR, hourly BOOLEAN,
                        unblended_cost DECIMAL(38,10), net_unblended_cost DECIMAL(38,10), line_items BIGINT)""");
        }
    }

    /** The relation the passes read for a file: the normalised file itself, or its parsed copy for CSV. */
    static String source(InspectedFile file, int fileIndex) {
        return file.file().type() == FileType.PARQUET ? "(" + CurNormalization.select(file) + ")" : csvTable(fileIndex);
    }

    /**
     * The first pass over a batch's files, in one query so that DuckDB reads them in parallel.
     *
     * @return per file, in order: its line items and its Bedrock line items
     */
    static List<StagedFile> scanKeys(Connection connection, List<InspectedFile> files) {
        for (int index = 0; index < files.size(); index++) {
            InspectedFile file = files.get(index);
            if (file.file().type() != FileType.PARQUET) {
                // A CSV is parsed once into a temporary table that both passes read; dropped with the batch.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE OR REPLACE TEMP TABLE " + csvTable(index) + " AS " + CurNormalization.select(file));
                } catch (SQLException e) {
                    throw BadRowLocator.diagnose(connection, file, e);
                }
            }
        }
        List<String> branches = new ArrayList<>();
        for (int index = 0; index < files.size(); index++) {
            branches.add("""
                    SELECT %d AS file_index, billing_period, payer_account_id, invoice_id, billing_entity, line_item_type, product_code, product_name, usage_type,
                           operation, region, pricing_unit, currency, principal, hash(tags) AS tags_hash, tags, usage_account_id, resource_id, usage_account_name,
                           usage_start, unblended_cost, net_unblended_cost
                    FROM %s WHERE %s""".formatted(index, source(files.get(index), index), CurNormalization.BEDROCK_ROWS));
        }
        // Grouped on the columns themselves; the two hashes are computed once per key after grouping,
        // not per line (the same function of the same values: equal to what the second pass computes per line).
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO batch_keys
                    SELECT file_index, %s, billing_period, payer_account_id, invoice_id, billing_entity, line_item_type, product_code, product_name,
                           usage_type, operation, region, pricing_unit, currency, principal, tags_hash, tags, usage_account_id, resource_id, %s,
                           usage_account_name, hourly, unblended_cost, net_unblended_cost, line_items
                    FROM (SELECT file_index, billing_period, payer_account_id, invoice_id, billing_entity, line_item_type, product_code, product_name,
                                 usage_type, operation, region, pricing_unit, currency, principal, tags_hash, any_value(tags) AS tags, usage_account_id, resource_id,
                                 max(usage_account_name) AS usage_account_name, bool_or(usage_start <> date_trunc('day', usage_start)) AS hourly,
                                 coalesce(sum(unblended_cost), 0) AS unblended_cost, coalesce(sum(net_unblended_cost), 0) AS net_unblended_cost, count(*) AS line_items
                          FROM (%s)
                          GROUP BY file_index, billing_period, payer_account_id, invoice_id, billing_entity, line_item_type, product_code, product_name,
                                   usage_type, operation, region, pricing_unit, currency, principal, tags_hash, usage_account_id, resource_id)"""
                    .formatted(keyHash("tags_hash"), LINE_KEY, String.join("\nUNION ALL\n", branches)));
        } catch (SQLException e) {
            throw diagnose(connection, files, e);
        }
        try {
            List<StagedFile> staged = new ArrayList<>();
            for (int index = 0; index < files.size(); index++) {
                InspectedFile file = files.get(index);
                staged.add(new StagedFile(rowCount(connection, file, source(file, index)), bedrockRows(connection, index)));
            }
            return staged;
        } catch (SQLException e) {
            throw SqlFailures.internal("counting the lines read", e);
        }
    }

    // The batch's query failed: find the file with a bad value, else name them all with the engine's message.
    private static SpendlensException diagnose(Connection connection, List<InspectedFile> files, SQLException failure) {
        SpendlensException last = null;
        for (InspectedFile file : files) {
            SpendlensException explained = BadRowLocator.diagnose(connection, file, failure);
            if (explained.code() == ErrorCode.CUR_BAD_VALUE || files.size() == 1) {
                return explained;
            }
            last = explained;
        }
        return new SpendlensException(ErrorCode.CUR_UNREADABLE_FILE, "one of %s could not be read: %s (nothing was stored)".formatted(
                files.stream().map(InspectedFile::name).toList(), SqlFailures.firstLine(failure.getMessage())), last);
    }

    static String csvTable(int fileIndex) {
        return "csv_lines_" + fileIndex;
    }

    private static long rowCount(Connection connection, InspectedFile file, String source) throws SQLException {
        if (file.rows().isPresent()) {
            return file.rows().getAsLong();
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + source)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long bedrockRows(Connection connection, int fileIndex) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(line_items), 0) FROM batch_keys WHERE file_index = ?")) {
            statement.setInt(1, fileIndex);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void dropCsvTables(Connection connection, int fileCount) {
        try (Statement statement = connection.createStatement()) {
            for (int index = 0; index < fileCount; index++) {
                statement.execute("DROP TABLE IF EXISTS " + csvTable(index));
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("dropping parsed CSV lines", e);
        }
    }
}
