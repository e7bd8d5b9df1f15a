package dev.spendlens.duckdb.finance;

import static java.util.Objects.requireNonNull;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Budgets and the thresholds they crossed, kept in the store so that they survive restarts and a
 * threshold alerts once per period.
 */
public final class BudgetRepository {
    private final DuckDbStore store;

    public BudgetRepository(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** A stored budget: its definition as written by the finance module (JSON). */
    public record StoredBudget(String name, String definition, Instant createdAt, Instant updatedAt) {
        public StoredBudget {
            requireNonNull(name, "name is null");
            requireNonNull(definition, "definition is null");
            requireNonNull(createdAt, "createdAt is null");
            requireNonNull(updatedAt, "updatedAt is null");
        }
    }

    /**
     * A threshold crossed in a period.
     *
     * @param threshold the threshold's key, e.g. {@code forecast:100%}, or {@code hard-limit}
     * @param amount the spend that crossed it, in {@code currency}
     * @param budgetAmount the period's budget
     * @param delivery what became of the alert (delivered, deferred, unrouted, the policy file written)
     */
    public record Crossed(String budget, LocalDate periodStart, String threshold, Instant crossedAt, BigDecimal amount, BigDecimal budgetAmount, String currency,
            String delivery) {
        public Crossed {
            requireNonNull(budget, "budget is null");
            requireNonNull(periodStart, "periodStart is null");
            requireNonNull(threshold, "threshold is null");
            requireNonNull(crossedAt, "crossedAt is null");
            requireNonNull(amount, "amount is null");
            requireNonNull(budgetAmount, "budgetAmount is null");
            requireNonNull(currency, "currency is null");
            requireNonNull(delivery, "delivery is null");
        }
    }

    /** Adds or replaces a budget. */
    public void save(String name, String definition, Instant now, boolean replace) {
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            try {
                Optional<StoredBudget> existing = find(connection, name);
                if (existing.isPresent() && !replace) {
                    throw new SpendlensException(ErrorCode.CONFLICT, "a budget named '%s' exists: choose another name, or replace it".formatted(name));
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM budgets WHERE budget_id = ?");
                        PreparedStatement insert = connection.prepareStatement("INSERT INTO budgets VALUES (?, ?, ?, ?)")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                    insert.setString(1, name);
                    insert.setString(2, definition);
                    insert.setTimestamp(3, Timestamp.from(existing.map(StoredBudget::createdAt).orElse(now)));
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("saving budget " + name, e);
        }
    }

    public List<StoredBudget> list() {
        List<StoredBudget> budgets = new ArrayList<>();
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT budget_id, definition, created_at, updated_at FROM budgets ORDER BY budget_id"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                budgets.add(new StoredBudget(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(), rows.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading budgets", e);
        }
        return budgets;
    }

    public Optional<StoredBudget> find(String name) {
        try (Connection connection = store.connect()) {
            return find(connection, name);
        } catch (SQLException e) {
            throw SqlFailures.internal("reading budget " + name, e);
        }
    }

    /** Deletes a budget and its crossings; false when there was none. */
    public boolean delete(String name) {
        try (Connection connection = store.connect(); PreparedStatement budgets = connection.prepareStatement("DELETE FROM budgets WHERE budget_id = ?");
                PreparedStatement alerts = connection.prepareStatement("DELETE FROM budget_alerts WHERE budget_id = ?")) {
            budgets.setString(1, name);
            alerts.setString(1, name);
            int deleted = budgets.executeUpdate();
            alerts.executeUpdate();
            return deleted > 0;
        } catch (SQLException e) {
            throw SqlFailures.internal("deleting budget " + name, e);
        }
    }

    /** The thresholds a budget crossed in the period starting on {@code periodStart}. */
    public List<Crossed> crossed(String name, LocalDate periodStart) {
        List<Crossed> crossed = new ArrayList<>();
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement("""
                SELECT threshold, crossed_at, amount, budget_amount, currency, delivery FROM budget_alerts
                WHERE budget_id = ? AND period_start = ? ORDER BY crossed_at, threshold""")) {
            statement.setString(1, name);
            statement.setDate(2, Date.valueOf(periodStart));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    crossed.add(new Crossed(name, periodStart, rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getBigDecimal(3), rows.getBigDecimal(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the alerts of budget " + name, e);
        }
        return crossed;
    }

    public void record(Crossed crossed) {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement("INSERT INTO budget_alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, crossed.budget());
            statement.setDate(2, Date.valueOf(crossed.periodStart()));
            statement.setString(3, crossed.threshold());
            statement.setTimestamp(4, Timestamp.from(crossed.crossedAt()));
            statement.setBigDecimal(5, crossed.amount());
            statement.setBigDecimal(6, crossed.budgetAmount());
            statement.setString(7, crossed.currency());
            statement.setString(8, crossed.delivery());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.internal("recording an alert of budget " + crossed.budget(), e);
        }
    }

    private static Optional<StoredBudget> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT budget_id, definition, created_at, updated_at FROM budgets WHERE budget_id = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new StoredBudget(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(), rows.getTimestamp(4).toInstant()))
                        : Optional.empty();
            }
        }
    }
}
