package dev.spendlens.duckdb.ingest;

import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the first row of an export file that breaks a rule, so that errors can name file, row and
 * column. Runs only after something failed: the happy path never pays for row numbers.
 */
final class BadRowLocator {
    /** A row of a file: 1-based among data rows (the CSV header is not counted). */
    record Location(long row, String column, String value) {
        String describe(InspectedFile file) {
            String line = file.file().type() == dev.spendlens.export.FileType.PARQUET ? "" : " (line %d)".formatted(row + 1);
            return "%s, row %d%s, column %s".formatted(file.name(), row, line, column);
        }
    }

    private BadRowLocator() {}

    /** Explains why staging a file failed: a bad value where one can be found, else the engine's message. */
    static SpendlensException diagnose(Connection connection, InspectedFile file, SQLException failure) {
        for (String column : CurNormalization.typedColumns(file)) {
            Optional<Location> bad = first(connection, file, column, badValuePredicate(file, column), List.of());
            if (bad.isPresent()) {
                Location location = bad.get();
                return new SpendlensException(ErrorCode.CUR_BAD_VALUE, "%s: '%s' is not %s; fix or remove the row and ingest again (nothing was stored)".formatted(
                        location.describe(file), location.value(), expected(column)), failure);
            }
        }
        return new SpendlensException(ErrorCode.CUR_UNREADABLE_FILE, "%s could not be read: %s (nothing was stored)".formatted(
                file.name(), SqlFailures.firstLine(failure.getMessage())), failure);
    }

    /** The first row whose column equals the value. */
    static Optional<Location> firstEqual(Connection connection, InspectedFile file, String column, String value) {
        return first(connection, file, column, "value = ?", List.of(value));
    }

    private static Optional<Location> first(Connection connection, InspectedFile file, String column, String predicate, List<String> parameters) {
        String reference = file.columns().reference(column).orElseThrow();
        String numbered = switch (file.file().type()) {
            case PARQUET -> "SELECT file_row_number + 1 AS row_number, %s AS value FROM read_parquet(%s, file_row_number = true)".formatted(
                    reference, CurNormalization.literal(file.file().path().toAbsolutePath().toString()));
            // Without ORDER BY, a window over the whole scan numbers rows in file order (insertion order is preserved).
            case CSV, CSV_GZIP -> "SELECT row_number() OVER () AS row_number, %s AS value FROM %s".formatted(reference, CurNormalization.rawRelation(file.file()));
        };
        String sql = "SELECT row_number, CAST(value AS VARCHAR) FROM (%s) WHERE %s ORDER BY row_number LIMIT 1".formatted(numbered, predicate);
        // A fresh in-memory database: the ingest's own transaction may already be aborted, and the
        // diagnosis reads only the file.
        try (Connection scratch = DriverManager.getConnection("jdbc:duckdb:"); PreparedStatement statement = scratch.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Location(rows.getLong(1), file.columns().actualName(column).orElse(column), rows.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            // The diagnosis itself failed (the file is broken beyond a bad value): report what we have.
            return Optional.empty();
        }
    }

    private static String badValuePredicate(InspectedFile file, String column) {
        String type = file.columns().type(column).orElse("VARCHAR").toUpperCase(Locale.ROOT);
        String lower = column.toLowerCase(Locale.ROOT);
        if (type.equals("DOUBLE") || type.equals("FLOAT")) {
            return "(isnan(value) OR isinf(value))";
        }
        if (!type.equals("VARCHAR")) {
            return "false";
        }
        if (lower.endsWith("date")) {
            return "value IS NOT NULL AND TRY_CAST(value AS TIMESTAMP) IS NULL";
        }
        if (lower.equals("tags") || lower.equals("product")) {
            return "value IS NOT NULL AND value <> '' AND (NOT json_valid(value) OR TRY_CAST(CAST(value AS JSON) AS MAP(VARCHAR, VARCHAR)) IS NULL)";
        }
        return "value IS NOT NULL AND TRY_CAST(value AS " + CurNormalization.MONEY + ") IS NULL";
    }

    private static String expected(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        if (lower.endsWith("date")) {
            return "a timestamp like 2026-07-01T00:00:00Z";
        }
        if (lower.equals("tags") || lower.equals("product")) {
            return "a JSON object of string values";
        }
        return "a finite number";
    }
}
