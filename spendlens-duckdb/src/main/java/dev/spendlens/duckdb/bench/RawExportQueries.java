package dev.spendlens.duckdb.bench;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.SqlFailures;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The benchmark's reference: the API's typical questions written directly in DuckDB SQL over the
 * raw CUR 2.0 Parquet files, without the store. It is what a user would otherwise run by hand, so
 * the API's latency is read against it. Team is approximated by the first team tag found in source
 * precedence order (no people directory, rules or value normalisation), which is enough for timing.
 */
public final class RawExportQueries implements AutoCloseable {
    private static final String TEAM = """
            coalesce(tags['iamPrincipal/team'], tags['resourceTags/team'], tags['userAttribute/team'], tags['accountTag/team'], '__unallocated__')""";
    private static final String BEDROCK = """
            ((bill_billing_entity IN ('AWS', '') AND line_item_product_code IN ('AmazonBedrock', 'AmazonBedrockService', 'AmazonBedrockFoundationModels', 'AmazonBedrockAgentCore'))
             OR (bill_billing_entity = 'AWS Marketplace' AND product['product_name'] LIKE '%Bedrock%')
             OR product_product_family IN ('Amazon Bedrock', 'Amazon Bedrock AgentCore'))""";

    /** One of the benchmark's questions. */
    public enum Question {
        MONTH_BY_TEAM,
        DAY_BY_PRINCIPAL_FOR_ONE_TEAM,
        TOP_20_PRINCIPALS
    }

    private final Connection connection;
    private final String files;

    /** An in-memory DuckDB over the export's data files, with the given worker threads (0 for all cores). */
    public RawExportQueries(List<Path> dataFiles, int threads) {
        requireNonNull(dataFiles, "dataFiles is null");
        this.files = dataFiles.stream().map(path -> "'" + path.toAbsolutePath().toString().replace("'", "''") + "'").collect(Collectors.joining(", ", "[", "]"));
        try {
            Properties properties = new Properties();
            if (threads > 0) {
                properties.setProperty("threads", Integer.toString(threads));
            }
            this.connection = DriverManager.getConnection("jdbc:duckdb:", properties);
        } catch (SQLException e) {
            throw SqlFailures.internal("opening an in-memory DuckDB for the raw-export reference", e);
        }
    }

    /** The SQL of a question over the export, for the benchmark's report. */
    public String sql(Question question) {
        String from = "read_parquet(%s)".formatted(files);
        return switch (question) {
            case MONTH_BY_TEAM -> """
                    SELECT date_trunc('month', line_item_usage_start_date) AS month, %s AS team, sum(line_item_unblended_cost) AS cost
                    FROM %s
                    WHERE %s AND line_item_usage_start_date >= ? AND line_item_usage_start_date < ?
                    GROUP BY ALL""".formatted(TEAM, from, BEDROCK);
            case DAY_BY_PRINCIPAL_FOR_ONE_TEAM -> """
                    SELECT CAST(line_item_usage_start_date AS DATE) AS day, line_item_iam_principal AS principal, sum(line_item_unblended_cost) AS cost
                    FROM %s
                    WHERE %s AND line_item_usage_start_date >= ? AND line_item_usage_start_date < ? AND %s = ?
                    GROUP BY ALL""".formatted(from, BEDROCK, TEAM);
            case TOP_20_PRINCIPALS -> """
                    SELECT line_item_iam_principal AS principal, sum(line_item_unblended_cost) AS cost
                    FROM %s
                    WHERE %s AND line_item_usage_start_date >= ? AND line_item_usage_start_date < ?
                    GROUP BY ALL ORDER BY cost DESC LIMIT 20""".formatted(from, BEDROCK);
        };
    }

    /** Runs a question once and returns its row count; the caller times it. */
    public long run(Question question, LocalDate from, LocalDate to, String team) {
        try (PreparedStatement statement = connection.prepareStatement(sql(question))) {
            statement.setObject(1, from.atStartOfDay());
            statement.setObject(2, to.atStartOfDay());
            if (question == Question.DAY_BY_PRINCIPAL_FOR_ONE_TEAM) {
                statement.setString(3, team);
            }
            long rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw SqlFailures.internal("running the raw-export reference " + question, e);
        }
    }

    /** Line items in the export, all services, to report the data's size. */
    public long lineItems() {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM read_parquet(" + files + ")")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw SqlFailures.internal("counting the export's line items", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqlFailures.internal("closing the raw-export reference", e);
        }
    }
}
