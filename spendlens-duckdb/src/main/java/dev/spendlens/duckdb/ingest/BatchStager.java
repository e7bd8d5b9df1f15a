package dev.spendlens.duckdb.ingest;

import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.export.FileType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads export files into the batch's temporary tables: {@code staged}, the Bedrock lines summed
 * per hour and per everything that tells charges apart, and {@code staged_tags}, each distinct tags
 * map once. The tags map is keyed by its hash while staging because grouping by the map itself
 * costs several times more; the hash never leaves the batch.
 */
final class BatchStager {
    // key_hash (computed per group, after summing) identifies what decides a line's charge type and allocation,
    // so that the fact writer joins on one number instead of thirteen strings.
    private static final String GROUP_KEYS = """
            billing_period, payer_account_id, invoice_id, billing_entity, line_item_type, usage_account_id,
            date_trunc('hour', usage_start), product_code, product_name, usage_type, operation, resource_id, region,
            pricing_unit, currency, principal, hash(tags)""";

    record StagedFile(long rows, long bedrockRows) {}

    private BatchStager() {}

    static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE staged (
                        file_index INTEGER, billing_period DATE, payer_account_id VARCHAR, invoice_id VARCHAR, billing_entity VARCHAR,
                        line_item_type VARCHAR, usage_account_id VARCHAR, usage_hour TIMESTAMP, product_code VARCHAR, product_name VARCHAR,
                        usage_type VARCHAR, operation VARCHAR, resource_id VARCHAR, region VARCHAR, pricing_unit VARCHAR, currency VARCHAR,
                        principal VARCHAR, tags_hash UBIGINT, key_hash UBIGINT, usage_account_name VARCHAR, unblended_cost DECIMAL(38,10),
                        net_unblended_cost DECIMAL(38,10), usage_amount DECIMAL(38,10), line_items BIGINT)""");
            statement.execute("CREATE OR REPLACE TEMP TABLE staged_tags (tags_hash UBIGINT, tags MAP(VARCHAR, VARCHAR))");
        }
    }

    static StagedFile stage(Connection connection, int fileIndex, InspectedFile file) {
        String source = "(" + CurNormalization.select(file) + ")";
        try {
            if (file.file().type() != FileType.PARQUET) {
                // Parse a CSV once, then read the parsed lines for every pass below.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE OR REPLACE TEMP TABLE csv_lines AS " + CurNormalization.select(file));
                }
                source = "csv_lines";
            }
            long rows = rowCount(connection, file, source);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO staged
                    SELECT ?, %s,
                           hash(payer_account_id, invoice_id, billing_entity, line_item_type, product_code, product_name, usage_type, operation,
                                region, pricing_unit, currency, principal, hash(tags)),
                           any_value(usage_account_name), coalesce(sum(unblended_cost), 0), coalesce(sum(net_unblended_cost), 0),
                           coalesce(sum(usage_amount), 0), count(*)
                    FROM %s
                    WHERE %s
                    GROUP BY %s""".formatted(GROUP_KEYS, source, CurNormalization.BEDROCK_ROWS, GROUP_KEYS))) {
                statement.setInt(1, fileIndex);
                statement.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO staged_tags
                        SELECT hash(tags), any_value(tags) FROM %s WHERE %s GROUP BY hash(tags)""".formatted(source, CurNormalization.BEDROCK_ROWS));
            }
            long bedrockRows = bedrockRows(connection, fileIndex);
            if (file.file().type() != FileType.PARQUET) {
                dropCsvLines(connection);
            }
            return new StagedFile(rows, bedrockRows);
        } catch (SQLException e) {
            // The transaction is aborted now; the rollback drops the parsed lines with everything else.
            throw BadRowLocator.diagnose(connection, file, e);
        }
    }

    private static long rowCount(Connection connection, InspectedFile file, String source) throws SQLException {
        String sql = file.file().type() == FileType.PARQUET
                ? "SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata(%s)".formatted(CurNormalization.literal(file.file().path().toAbsolutePath().toString()))
                : "SELECT count(*) FROM " + source;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long bedrockRows(Connection connection, int fileIndex) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(line_items), 0) FROM staged WHERE file_index = ?")) {
            statement.setInt(1, fileIndex);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void dropCsvLines(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS csv_lines");
        } catch (SQLException e) {
            throw SqlFailures.internal("dropping parsed CSV lines", e);
        }
    }
}
