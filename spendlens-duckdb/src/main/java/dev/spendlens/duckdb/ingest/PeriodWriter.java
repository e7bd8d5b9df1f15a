package dev.spendlens.duckdb.ingest;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces each billing period of the staged batch in the fact tables, then proves the replacement
 * conserved every cent: the stored facts must sum to the staged source lines exactly, or the
 * whole ingest is rolled back.
 */
final class PeriodWriter {
    private static final String FACT_COLUMNS = "billing_period, %s, usage_account_id, resource_id, charge_type_id, allocation_id";
    private static final String FACT_MEASURES = "sum(unblended_cost), sum(net_unblended_cost), sum(usage_amount), sum(tokens), sum(line_items)";

    private record StagedPeriod(String payer, LocalDate period, long lineItems, BigDecimal unblended, BigDecimal net, boolean hourly, String currency, String files) {}

    private PeriodWriter() {}

    static List<PeriodSummary> write(Connection connection, List<InspectedFile> files, long ingestionId, Instant now) throws SQLException {
        createAttributed(connection);
        List<PeriodSummary> written = new ArrayList<>();
        for (StagedPeriod period : stagedPeriods(connection, files)) {
            Optional<BigDecimal> previous = previousCost(connection, period);
            delete(connection, "cost_daily", period);
            delete(connection, "cost_hourly", period);
            delete(connection, "billing_periods", period);
            if (period.hourly()) {
                insertFacts(connection, "cost_hourly", "usage_hour", period);
                insertDailyFromHourly(connection, period);
            } else {
                insertFacts(connection, "cost_daily", "CAST(usage_hour AS DATE)", period);
            }
            verifyConservation(connection, "cost_daily", period);
            if (period.hourly()) {
                verifyConservation(connection, "cost_hourly", period);
            }
            recordPeriod(connection, period, ingestionId, now, previous);
            written.add(new PeriodSummary(period.payer(), YearMonth.from(period.period()), period.hourly() ? "HOURLY" : "DAILY", period.currency(),
                    period.lineItems(), period.unblended(), previous));
        }
        upsertAccounts(connection);
        return written;
    }

    /** The staged lines with their charge type and allocation key: one join on a number. */
    private static void createAttributed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP VIEW attributed AS
                    SELECT s.billing_period, s.payer_account_id, s.usage_hour, s.usage_account_id, s.resource_id, k.charge_type_id, k.allocation_id,
                           s.unblended_cost, s.net_unblended_cost, s.usage_amount, s.usage_amount * k.token_factor AS tokens, s.line_items
                    FROM staged s JOIN batch_key_ids k USING (key_hash)""");
        }
    }

    private static List<StagedPeriod> stagedPeriods(Connection connection, List<InspectedFile> files) throws SQLException {
        List<StagedPeriod> periods = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT payer_account_id, billing_period, sum(line_items), sum(unblended_cost), sum(net_unblended_cost),
                               bool_or(hour(usage_hour) <> 0), any_value(currency), list(DISTINCT file_index ORDER BY file_index)
                        FROM staged GROUP BY ALL ORDER BY billing_period, payer_account_id""")) {
            while (rows.next()) {
                Object[] indexes = (Object[]) rows.getArray(8).getArray();
                List<String> names = new ArrayList<>();
                for (Object index : indexes) {
                    names.add(files.get(((Number) index).intValue()).name());
                }
                periods.add(new StagedPeriod(rows.getString(1), rows.getObject(2, LocalDate.class), rows.getLong(3), rows.getBigDecimal(4),
                        rows.getBigDecimal(5), rows.getBoolean(6), rows.getString(7), String.join("\n", names)));
            }
        }
        return periods;
    }

    private static Optional<BigDecimal> previousCost(Connection connection, StagedPeriod period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT unblended_cost FROM billing_periods WHERE payer_account_id = ? AND billing_period = ?")) {
            bind(statement, period, 1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection connection, String table, StagedPeriod period) throws SQLException {
        String sql = table.equals("billing_periods")
                ? "DELETE FROM billing_periods WHERE payer_account_id = ? AND billing_period = ?"
                : "DELETE FROM %s WHERE charge_type_id IN (SELECT charge_type_id FROM charge_types WHERE payer_account_id = ?) AND billing_period = ?".formatted(table);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, period, 1);
            statement.executeUpdate();
        }
    }

    private static void insertFacts(Connection connection, String table, String timeColumn, StagedPeriod period) throws SQLException {
        String columns = FACT_COLUMNS.formatted(timeColumn);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO %s SELECT %s, %s FROM attributed WHERE payer_account_id = ? AND billing_period = ? GROUP BY ALL"
                .formatted(table, columns, FACT_MEASURES))) {
            bind(statement, period, 1);
            statement.executeUpdate();
        }
    }

    // Summing the hourly rows just written is cheaper than joining the staged lines a second time.
    private static void insertDailyFromHourly(Connection connection, StagedPeriod period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO cost_daily
                SELECT billing_period, CAST(usage_hour AS DATE), usage_account_id, resource_id, charge_type_id, allocation_id, %s
                FROM cost_hourly
                WHERE charge_type_id IN (SELECT charge_type_id FROM charge_types WHERE payer_account_id = ?) AND billing_period = ?
                GROUP BY ALL""".formatted(FACT_MEASURES))) {
            bind(statement, period, 1);
            statement.executeUpdate();
        }
    }

    private static void verifyConservation(Connection connection, String table, StagedPeriod period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(sum(unblended_cost), 0), coalesce(sum(line_items), 0) FROM %s WHERE charge_type_id IN (SELECT charge_type_id FROM charge_types WHERE payer_account_id = ?) AND billing_period = ?".formatted(table))) {
            bind(statement, period, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                BigDecimal stored = rows.getBigDecimal(1);
                long lines = rows.getLong(2);
                if (stored.compareTo(period.unblended()) != 0 || lines != period.lineItems()) {
                    throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "conservation broken for %s %s in %s: source %s over %d lines, stored %s over %d lines; nothing was stored, please report this"
                            .formatted(period.payer(), period.period(), table, period.unblended().toPlainString(), period.lineItems(), stored.toPlainString(), lines));
                }
            }
        }
    }

    private static void recordPeriod(Connection connection, StagedPeriod period, long ingestionId, Instant now, Optional<BigDecimal> previous) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO billing_periods VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, period, 1);
            statement.setString(3, period.hourly() ? "HOURLY" : "DAILY");
            statement.setString(4, period.currency());
            statement.setLong(5, ingestionId);
            statement.setTimestamp(6, Timestamp.from(now));
            statement.setString(7, period.files());
            statement.setLong(8, period.lineItems());
            statement.setBigDecimal(9, period.unblended());
            statement.setBigDecimal(10, period.net());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO period_deliveries VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, period, 1);
            statement.setLong(3, ingestionId);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setString(5, period.files());
            statement.setBigDecimal(6, period.unblended());
            if (previous.isPresent()) {
                statement.setBigDecimal(7, previous.get());
            } else {
                statement.setNull(7, Types.DECIMAL);
            }
            statement.executeUpdate();
        }
    }

    private static void upsertAccounts(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE batch_accounts AS
                    SELECT usage_account_id AS account_id, max(usage_account_name) AS account_name FROM staged WHERE usage_account_name <> '' GROUP BY 1""");
            statement.execute("DELETE FROM accounts WHERE account_id IN (SELECT account_id FROM batch_accounts)");
            statement.execute("INSERT INTO accounts SELECT account_id, account_name FROM batch_accounts");
        }
    }

    private static void bind(PreparedStatement statement, StagedPeriod period, int first) throws SQLException {
        statement.setString(first, period.payer());
        statement.setDate(first + 1, Date.valueOf(period.period()));
    }
}
