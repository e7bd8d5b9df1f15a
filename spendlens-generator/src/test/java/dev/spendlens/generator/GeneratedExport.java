package dev.spendlens.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A generated export under test, read back with a real DuckDB. */
record GeneratedExport(GeneratorOptions options, GenerationSummary summary, List<String> progress) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static GeneratedExport generate(GeneratorOptions options) {
        List<String> progress = new ArrayList<>();
        GenerationSummary summary = new ExportGenerator().generate(options, progress::add);
        return new GeneratedExport(options, summary, progress);
    }

    /** {@code read_parquet(...)} or {@code read_csv(...)} over every data file of the final export. */
    String lines() {
        return relation(options.out().resolve(options.exportName()).resolve("data"));
    }

    String earlierLines() {
        return relation(options.out().resolve(ExportGenerator.EARLIER_DELIVERY).resolve(options.exportName()).resolve("data"));
    }

    private String relation(Path data) {
        String glob = data.toAbsolutePath() + "/*/*" + options.format().fileSuffix();
        return switch (options.format()) {
            // The BILLING_PERIOD=... folders would otherwise add a hive partition column.
            case PARQUET -> "read_parquet('" + glob + "', hive_partitioning = false)";
            case CSV -> "read_csv('" + glob + "', header = true, all_varchar = true, hive_partitioning = false)";
        };
    }

    JsonNode labels() {
        return json(summary.labelsFile());
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a query, each as a list of column values ({@code getObject}). */
    List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The single value of a one-row, one-column query. */
    Object value(String sql, Object... parameters) {
        return query(sql, parameters).get(0).get(0);
    }

    List<String> strings(String sql, Object... parameters) {
        return query(sql, parameters).stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    double number(String sql, Object... parameters) {
        Object value = value(sql, parameters);
        return value == null ? 0 : value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString());
    }
}
