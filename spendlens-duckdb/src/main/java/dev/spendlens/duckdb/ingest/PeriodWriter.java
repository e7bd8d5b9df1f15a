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
 * Replaces each billing period of the batch in the fact tables: deletes the stored delivery, streams
 * every file's Bedrock lines into the facts (the second pass; each line joined to its decoded key by
 * one number), then proves the replacement conserved every cent: the stored facts must sum to what
 * the first pass counted in the files, exactly, or the whole ingest is rolled back.
 */
final class PeriodWriter {
    private static final String FACT_MEASURES = "sum(unblended_cost), sum(net_unblended_cost), sum(usage_amount), sum(tokens), sum(line_items)";

    private record StagedPeriod(String payer, LocalDate period, long lineItems, BigDecimal unblended, BigDecimal net, boolean hourly, String currency, String files) {}

    private PeriodWriter() {}

    static List<PeriodSummary> write(Connection connection, List<InspectedFile> files, long ingestionId, Instant now) throws SQLException {
        List<StagedPeriod> periods = stagedPeriods(connection, files);
        List<Optional<BigDecimal>> previous = new ArrayList<>();
        for (StagedPeriod period : periods) {
            previous.add(previousCost(connection, period));
            delete(connection, "cost_daily", period);
            delete(connection, "cost_hourly", period);
            delete(connection, "billing_periods", period);
        }
        streamFacts(connection, files, true);
        streamFacts(connection, files, false);
        List<PeriodSummary> written = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            StagedPeriod period = periods.get(i);
            if (period.hourly()) {
                insertDailyFromHourly(connection, period);
                verifyConservation(connection, "cost_hourly", period);
            }
            verifyConservation(connection, "cost_daily", period);
            recordPeriod(connection, period, ingestionId, now, previous.get(i));
            written.add(new PeriodSummary(period.payer(), YearMonth.from(period.period()), period.hourly() ? "HOURLY" : "DAILY", period.currency(),
                    period.lineItems(), period.unblended(), previous.get(i)));
        }
        upsertAccounts(connection);
        return written;
    }

    /**
     * The second pass over the batch's hourly (or daily) files, in one query: their Bedrock lines
     * summed per hour (or day) and key, joined to the key's charge type and allocation. Tokens are
     * computed after summing: the factor is one per key.
     */
    private static void streamFacts(Connection connection, List<InspectedFile> files, boolean hourly) throws SQLException {
        List<Integer> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT file_index FROM batch_keys GROUP BY file_index HAVING bool_or(hourly) = " + hourly)) {
            while (rows.next()) {
                indexes.add(rows.getInt(1));
            }
        }
        if (indexes.isEmpty()) {
            return;
        }
        String time = hourly ? "date_trunc('hour', usage_start)" : "CAST(usage_start AS DATE)";
        boolean lineKeys = lineKeysDecide(connection);
        String key = lineKeys ? BatchStager.LINE_KEY : BatchStager.KEY_HASH;
        String ids = lineKeys ? """
                (SELECT DISTINCT b.line_key AS key_hash, i.charge_type_id, i.allocation_id, i.token_factor FROM batch_keys b JOIN batch_key_ids i USING (key_hash))"""
                : "batch_key_ids";
        List<String> branches = new ArrayList<>();
        for (int index : indexes) {
            branches.add("SELECT billing_period, usage_start, usage_account_id, resource_id, %s AS key_hash, unblended_cost, net_unblended_cost, usage_amount FROM %s WHERE %s"
                    .formatted(key, BatchStager.source(files.get(index), index), CurNormalization.BEDROCK_ROWS));
        }
        String sql = """
                INSERT INTO %s
                SELECT g.billing_period, g.usage_time, g.usage_account_id, g.resource_id, k.charge_type_id, k.allocation_id,
                       g.unblended_cost, g.net_unblended_cost, g.usage_amount, g.usage_amount * k.token_factor, g.line_items
                FROM (SELECT billing_period, %s AS usage_time, usage_account_id, resource_id, key_hash,
                             sum(unblended_cost) AS unblended_cost, sum(net_unblended_cost) AS net_unblended_cost, sum(usage_amount) AS usage_amount,
                             count(*) AS line_items
                      FROM (%s)
                      GROUP BY ALL) g
                JOIN %s k USING (key_hash)""".formatted(hourly ? "cost_hourly" : "cost_daily", time, String.join("\nUNION ALL\n", branches), ids);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * True when, in this batch, every line key names exactly one full key (one tags map, one product
     * name): then the second pass may skip the map columns. Any exception, or a hash collision,
     * falls back to the full key; conservation is checked either way.
     */
    private static boolean lineKeysDecide(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM (SELECT line_key FROM batch_keys GROUP BY line_key HAVING count(DISTINCT key_hash) > 1)")) {
            rows.next();
            return rows.getLong(1) == 0;
        }
    }

    private static List<StagedPeriod> stagedPeriods(Connection connection, List<InspectedFile> files) throws SQLException {
        List<StagedPeriod> periods = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT payer_account_id, billing_period, sum(line_items), sum(unblended_cost), sum(net_unblended_cost),
                               bool_or(hourly), any_value(currency), list(DISTINCT file_index ORDER BY file_index)
                        FROM batch_keys GROUP BY ALL ORDER BY billing_period, payer_account_id""")) {
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

    // Summing the hourly rows just written is cheaper than a third pass over the files.
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
                    SELECT usage_account_id AS account_id, max(usage_account_name) AS account_name FROM batch_keys WHERE usage_account_name <> '' GROUP BY 1""");
            statement.execute("DELETE FROM accounts WHERE account_id IN (SELECT account_id FROM batch_accounts)");
            statement.execute("INSERT INTO accounts SELECT account_id, account_name FROM batch_accounts");
        }
    }

    private static void bind(PreparedStatement statement, StagedPeriod period, int first) throws SQLException {
        statement.setString(first, period.payer());
        statement.setDate(first + 1, Date.valueOf(period.period()));
    }
}
