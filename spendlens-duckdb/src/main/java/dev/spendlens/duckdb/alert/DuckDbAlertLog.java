package dev.spendlens.duckdb.alert;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.AlertField;
import dev.spendlens.alert.AlertLog;
import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.alert.DeliveryOutcome;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.NotificationKind;
import dev.spendlens.alert.OutboxEntry;
import dev.spendlens.alert.SentAlert;
import dev.spendlens.alert.Severity;
import dev.spendlens.duckdb.Decimals;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The alert log in the store: tables {@code alerts}, {@code alert_fields}, {@code alert_sent}, {@code alert_outbox}, {@code alert_deliveries}. */
public final class DuckDbAlertLog implements AlertLog {
    // Alert keys never hold a line break (they are built from ids and dates), so one joins a notification's keys.
    private static final String KEY_SEPARATOR = "\n";

    private final DuckDbStore store;

    public DuckDbAlertLog(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public void save(Alert alert) {
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            try {
                delete(connection, "DELETE FROM alerts WHERE alert_key = ?", alert.key());
                delete(connection, "DELETE FROM alert_fields WHERE alert_key = ?", alert.key());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, alert.key());
                    insert.setString(2, alert.source());
                    insert.setString(3, alert.scope());
                    insert.setString(4, alert.title());
                    insert.setString(5, alert.severity().name());
                    insert.setString(6, alert.summary());
                    insert.setString(7, alert.owner().orElse(null));
                    insert.setBigDecimal(8, alert.amount());
                    insert.setBigDecimal(9, alert.percent().orElse(null));
                    insert.setString(10, alert.currency());
                    insert.setString(11, alert.link().orElse(null));
                    insert.setTimestamp(12, timestamp(alert.observedAt()));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_fields VALUES (?, ?, ?, ?)")) {
                    for (int position = 0; position < alert.fields().size(); position++) {
                        insert.setString(1, alert.key());
                        insert.setInt(2, position);
                        insert.setString(3, alert.fields().get(position).name());
                        insert.setString(4, alert.fields().get(position).value());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("saving alert " + alert.key(), e);
        }
    }

    @Override
    public Optional<Alert> alert(String key) {
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT source, scope, title, severity, summary, owner, amount, percent, currency, link, observed_at FROM alerts WHERE alert_key = ?");
                PreparedStatement fields = connection.prepareStatement("SELECT field_name, field_value FROM alert_fields WHERE alert_key = ? ORDER BY position")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<AlertField> values = new ArrayList<>();
                fields.setString(1, key);
                try (ResultSet fieldRows = fields.executeQuery()) {
                    while (fieldRows.next()) {
                        values.add(new AlertField(fieldRows.getString(1), fieldRows.getString(2)));
                    }
                }
                return Optional.of(new Alert(key, rows.getString(1), rows.getString(2), rows.getString(3), Severity.valueOf(rows.getString(4)), rows.getString(5),
                        values, Optional.ofNullable(rows.getString(6)), Decimals.exact(rows.getBigDecimal(7)), Optional.ofNullable(rows.getBigDecimal(8)).map(Decimals::exact), rows.getString(9),
                        Optional.ofNullable(rows.getString(10)), instant(rows.getTimestamp(11))));
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading alert " + key, e);
        }
    }

    @Override
    public Optional<SentAlert> lastSent(String channel, String alertKey) {
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT amount, severity, sent_at FROM alert_sent WHERE channel = ? AND alert_key = ? ORDER BY sent_at DESC, rowid DESC LIMIT 1")) {
            select.setString(1, channel);
            select.setString(2, alertKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new SentAlert(channel, alertKey, Decimals.exact(rows.getBigDecimal(1)), Severity.valueOf(rows.getString(2)), instant(rows.getTimestamp(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading what %s was sent".formatted(channel), e);
        }
    }

    @Override
    public void markSent(SentAlert sent) {
        try (Connection connection = store.connect(); PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_sent VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, sent.channel());
            insert.setString(2, sent.alertKey());
            insert.setBigDecimal(3, sent.amount());
            insert.setString(4, sent.severity().name());
            insert.setTimestamp(5, timestamp(sent.sentAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.internal("recording a sent alert", e);
        }
    }

    @Override
    public void enqueue(OutboxEntry entry) {
        try (Connection connection = store.connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO alert_outbox SELECT ?, ?, ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM alert_outbox WHERE channel = ? AND frequency = ? AND alert_key = ?)""")) {
            insert.setString(1, entry.channel());
            insert.setString(2, entry.frequency().name());
            insert.setString(3, entry.alertKey());
            insert.setTimestamp(4, timestamp(entry.queuedAt()));
            insert.setString(5, entry.channel());
            insert.setString(6, entry.frequency().name());
            insert.setString(7, entry.alertKey());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.internal("queueing an alert", e);
        }
    }

    @Override
    public List<OutboxEntry> outbox(Frequency frequency) {
        List<OutboxEntry> entries = new ArrayList<>();
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT channel, alert_key, queued_at FROM alert_outbox WHERE frequency = ? ORDER BY queued_at, channel, alert_key")) {
            select.setString(1, frequency.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new OutboxEntry(rows.getString(1), frequency, rows.getString(2), instant(rows.getTimestamp(3))));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the alert outbox", e);
        }
        return entries;
    }

    @Override
    public void dequeue(List<OutboxEntry> entries, Instant at) {
        try (Connection connection = store.connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM alert_outbox WHERE channel = ? AND frequency = ? AND alert_key = ?")) {
            for (OutboxEntry entry : entries) {
                delete.setString(1, entry.channel());
                delete.setString(2, entry.frequency().name());
                delete.setString(3, entry.alertKey());
                delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("emptying the alert outbox", e);
        }
    }

    @Override
    public void record(DeliveryAttempt attempt) {
        try (Connection connection = store.connect(); PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_deliveries (channel, kind, frequency, alert_keys, attempt, attempted_at, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, attempt.channel());
            insert.setString(2, attempt.kind().name());
            insert.setString(3, attempt.frequency().name());
            insert.setString(4, String.join(KEY_SEPARATOR, attempt.alertKeys()));
            insert.setInt(5, attempt.attempt());
            insert.setTimestamp(6, timestamp(attempt.attemptedAt()));
            insert.setString(7, attempt.outcome().name());
            insert.setString(8, attempt.error().orElse(null));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.internal("recording a delivery attempt", e);
        }
    }

    @Override
    public List<DeliveryAttempt> attempts(Instant since) {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT channel, kind, frequency, alert_keys, attempt, attempted_at, outcome, error FROM alert_deliveries
                        WHERE attempted_at >= ? ORDER BY delivery_id""")) {
            select.setTimestamp(1, timestamp(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String keys = rows.getString(4);
                    attempts.add(new DeliveryAttempt(rows.getString(1), NotificationKind.valueOf(rows.getString(2)), Frequency.valueOf(rows.getString(3)),
                            keys.isEmpty() ? List.of() : Arrays.asList(keys.split(KEY_SEPARATOR)), rows.getInt(5), instant(rows.getTimestamp(6)),
                            DeliveryOutcome.valueOf(rows.getString(7)), Optional.ofNullable(rows.getString(8))));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading delivery attempts", e);
        }
        return attempts;
    }

    private static void delete(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }


    // Instants are kept as UTC wall-clock TIMESTAMPs, whatever the JVM's zone.
    static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
