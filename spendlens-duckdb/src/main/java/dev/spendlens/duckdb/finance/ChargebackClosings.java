package dev.spendlens.duckdb.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.chargeback.InvoiceTotal;
import dev.spendlens.chargeback.LineKind;
import dev.spendlens.chargeback.SharedCostRule;
import dev.spendlens.chargeback.SharedPool;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.chargeback.StatementLine;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Closed chargeback statements, kept line by line as they were closed: a closed month is shown from
 * here, never recomputed, and later changes to it are charged as adjustments on a later statement.
 */
public final class ChargebackClosings {
    private final DuckDbStore store;

    public ChargebackClosings(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** When a month was closed for a dimension, and with which shared-cost rules. */
    public record Closing(YearMonth month, String dimension, Instant closedAt, List<SharedCostRule> rules) {
        public Closing {
            requireNonNull(month, "month is null");
            requireNonNull(dimension, "dimension is null");
            requireNonNull(closedAt, "closedAt is null");
            rules = List.copyOf(requireNonNull(rules, "rules is null"));
        }
    }

    /** A delivery of a billing period, as {@code period_deliveries} records it. */
    public record Delivery(String payerAccountId, Instant ingestedAt, BigDecimal unblendedCost, Optional<BigDecimal> previousUnblendedCost) {
        public Delivery {
            requireNonNull(payerAccountId, "payerAccountId is null");
            requireNonNull(ingestedAt, "ingestedAt is null");
            requireNonNull(unblendedCost, "unblendedCost is null");
            requireNonNull(previousUnblendedCost, "previousUnblendedCost is null");
        }
    }

    public List<Closing> closings(String dimension) {
        List<Closing> closings = new ArrayList<>();
        try (Connection connection = store.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT month, closed_at, rules FROM chargeback_closings WHERE dimension = ? ORDER BY month")) {
            statement.setString(1, dimension);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    closings.add(new Closing(YearMonth.from(rows.getObject(1, LocalDate.class)), dimension, rows.getTimestamp(2).toInstant(), rules(rows.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading closed chargeback months", e);
        }
        return closings;
    }

    public Optional<Closing> closing(YearMonth month, String dimension) {
        return closings(dimension).stream().filter(closing -> closing.month().equals(month)).findFirst();
    }

    /** The statement exactly as it was closed. */
    public Optional<Statement> closed(YearMonth month, String dimension) {
        Optional<Closing> closing = closing(month, dimension);
        if (closing.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = store.connect()) {
            String currency = currency(connection, month, dimension);
            List<StatementLine> lines = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT owner, kind, team, principal, model, source, detail, adjusted_month, tokens, usage_amount, amount, rounded_amount
                    FROM chargeback_closed_lines WHERE month = ? AND dimension = ? ORDER BY line_number""")) {
                bind(statement, month, dimension);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        LocalDate adjusted = rows.getObject(8, LocalDate.class);
                        lines.add(new StatementLine(rows.getString(1), LineKind.valueOf(rows.getString(2)), rows.getString(3), rows.getString(4), rows.getString(5),
                                rows.getString(6), rows.getString(7), Optional.ofNullable(adjusted).map(YearMonth::from), rows.getBigDecimal(9), rows.getBigDecimal(10),
                                rows.getBigDecimal(11), rows.getBigDecimal(12)));
                    }
                }
            }
            List<InvoiceTotal> invoices = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT invoice_id, amount, rounded_amount FROM chargeback_closed_invoices WHERE month = ? AND dimension = ? ORDER BY invoice_id")) {
                bind(statement, month, dimension);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        invoices.add(new InvoiceTotal(rows.getString(1), rows.getBigDecimal(2), rows.getBigDecimal(3)));
                    }
                }
            }
            List<SharedPool> pools = new ArrayList<>();
            Map<String, Map<String, BigDecimal>> compositions = new LinkedHashMap<>();
            Map<String, String> poolRules = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT bucket, rule, category, amount FROM chargeback_closed_pools WHERE month = ? AND dimension = ? ORDER BY bucket, category")) {
                bind(statement, month, dimension);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        compositions.computeIfAbsent(rows.getString(1), ignored -> new LinkedHashMap<>()).put(rows.getString(3), rows.getBigDecimal(4));
                        poolRules.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            compositions.forEach((bucket, composition) -> pools.add(new SharedPool(bucket,
                    poolRules.get(bucket).isEmpty() ? Optional.empty() : Optional.of(SharedCostRule.decode(poolRules.get(bucket))),
                    composition.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), composition)));
            return Optional.of(new Statement(month, dimension, currency, lines, invoices, pools, closing.get().rules(), Optional.of(closing.get().closedAt())));
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the closed statement of " + month, e);
        }
    }

    /** Locks a statement: refused when the month is already closed for the dimension. */
    public void close(Statement statement, Instant closedAt) {
        if (statement.closed()) {
            throw new SpendlensException(ErrorCode.CONFLICT, "the %s statement of %s is already closed".formatted(statement.dimension(), statement.month()));
        }
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement check = connection.prepareStatement("SELECT closed_at FROM chargeback_closings WHERE month = ? AND dimension = ?")) {
                    bind(check, statement.month(), statement.dimension());
                    try (ResultSet rows = check.executeQuery()) {
                        if (rows.next()) {
                            throw new SpendlensException(ErrorCode.CONFLICT, "%s was already closed for %s at %s; a closed month cannot be closed again"
                                    .formatted(statement.month(), statement.dimension(), rows.getTimestamp(1).toInstant()));
                        }
                    }
                }
                insert(connection, statement, closedAt);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("closing " + statement.month(), e);
        }
    }

    private static void insert(Connection connection, Statement statement, Instant closedAt) throws SQLException {
        try (PreparedStatement closing = connection.prepareStatement("INSERT INTO chargeback_closings VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(closing, statement.month(), statement.dimension());
            closing.setString(3, statement.currency());
            closing.setTimestamp(4, Timestamp.from(closedAt));
            closing.setString(5, String.join("\n", statement.rules().stream().map(SharedCostRule::encode).toList()));
            closing.setBigDecimal(6, statement.invoiceTotal());
            closing.executeUpdate();
        }
        try (PreparedStatement line = connection.prepareStatement("INSERT INTO chargeback_closed_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int number = 0;
            for (StatementLine value : statement.lines()) {
                bind(line, statement.month(), statement.dimension());
                line.setInt(3, number++);
                line.setString(4, value.owner());
                line.setString(5, value.kind().name());
                line.setString(6, value.team());
                line.setString(7, value.principal());
                line.setString(8, value.model());
                line.setString(9, value.source());
                line.setString(10, value.detail());
                if (value.adjustedMonth().isPresent()) {
                    line.setDate(11, Date.valueOf(value.adjustedMonth().get().atDay(1)));
                } else {
                    line.setNull(11, Types.DATE);
                }
                line.setBigDecimal(12, value.tokens());
                line.setBigDecimal(13, value.usage());
                line.setBigDecimal(14, value.amount());
                line.setBigDecimal(15, value.rounded());
                line.addBatch();
            }
            line.executeBatch();
        }
        try (PreparedStatement invoice = connection.prepareStatement("INSERT INTO chargeback_closed_invoices VALUES (?, ?, ?, ?, ?)")) {
            for (InvoiceTotal value : statement.invoices()) {
                bind(invoice, statement.month(), statement.dimension());
                invoice.setString(3, value.invoiceId());
                invoice.setBigDecimal(4, value.amount());
                invoice.setBigDecimal(5, value.rounded());
                invoice.executeUpdate();
            }
        }
        try (PreparedStatement pool = connection.prepareStatement("INSERT INTO chargeback_closed_pools VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SharedPool value : statement.pools()) {
                for (Map.Entry<String, BigDecimal> part : value.composition().entrySet()) {
                    bind(pool, statement.month(), statement.dimension());
                    pool.setString(3, value.bucket());
                    pool.setString(4, value.rule().map(SharedCostRule::encode).orElse(""));
                    pool.setString(5, part.getKey());
                    pool.setBigDecimal(6, part.getValue());
                    pool.executeUpdate();
                }
            }
        }
    }

    /** Adjustments of {@code adjustedMonth} already charged on closed statements: owner -> exact amount. */
    public Map<String, BigDecimal> chargedAdjustments(YearMonth adjustedMonth, String dimension) {
        Map<String, BigDecimal> charged = new LinkedHashMap<>();
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT owner, sum(amount), sum(rounded_amount) FROM chargeback_closed_lines
                WHERE kind = 'ADJUSTMENT' AND adjusted_month = ? AND dimension = ? GROUP BY owner ORDER BY owner""")) {
            bind(statement, adjustedMonth, dimension);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    charged.put(rows.getString(1), rows.getBigDecimal(2));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading charged adjustments of " + adjustedMonth, e);
        }
        return charged;
    }

    /** The rounded total of the adjustments of {@code adjustedMonth} already charged on closed statements. */
    public BigDecimal chargedAdjustmentsRounded(YearMonth adjustedMonth, String dimension) {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(sum(rounded_amount), 0) FROM chargeback_closed_lines WHERE kind = 'ADJUSTMENT' AND adjusted_month = ? AND dimension = ?")) {
            bind(statement, adjustedMonth, dimension);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading charged adjustments of " + adjustedMonth, e);
        }
    }

    /** Deliveries of a billing period ingested after an instant (restatements of a closed month). */
    public List<Delivery> deliveriesSince(YearMonth month, Instant since) {
        List<Delivery> deliveries = new ArrayList<>();
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT payer_account_id, ingested_at, unblended_cost, previous_unblended_cost FROM period_deliveries
                WHERE billing_period = ? AND ingested_at > ? ORDER BY ingested_at""")) {
            statement.setDate(1, Date.valueOf(month.atDay(1)));
            statement.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(new Delivery(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getBigDecimal(3), Optional.ofNullable(rows.getBigDecimal(4))));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading deliveries of " + month, e);
        }
        return deliveries;
    }

    private static String currency(Connection connection, YearMonth month, String dimension) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT currency FROM chargeback_closings WHERE month = ? AND dimension = ?")) {
            bind(statement, month, dimension);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static List<SharedCostRule> rules(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).map(SharedCostRule::decode).toList();
    }

    private static void bind(PreparedStatement statement, YearMonth month, String dimension) throws SQLException {
        statement.setDate(1, Date.valueOf(month.atDay(1)));
        statement.setString(2, dimension);
    }
}
