package dev.spendlens.duckdb.anomaly;

import static java.util.Objects.requireNonNull;

import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.anomaly.Feedback;
import dev.spendlens.anomaly.MonitorDefinition;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.AnomalyKind;
import dev.spendlens.detection.Contribution;
import dev.spendlens.duckdb.Decimals;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Anomaly history, feedback and API-created monitors in the store: tables {@code anomalies}, {@code anomaly_root_causes}, {@code anomaly_monitors}. */
public final class AnomalyRepository {
    private static final String COLUMNS = """
            anomaly_id, monitor, granularity, series_key, kind, start_at, end_at, ongoing, expected, actual, score, score_meaning, explanation, owner,
            detected_at, suppressed, feedback, feedback_note""";

    private final DuckDbStore store;

    public AnomalyRepository(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Keeps the anomalies: new ones as they are, known ones (same id) updated, keeping when they were
     * first detected and the feedback given. Returns them as stored, with how many were new and how
     * many known ones changed (their end, spend or kind).
     */
    public Saved save(List<CostAnomaly> anomalies, Instant now) {
        List<CostAnomaly> saved = new ArrayList<>();
        // Counted per id, against what was stored before this call: a run may find one id twice (the last one is kept).
        Map<String, Optional<CostAnomaly>> before = new LinkedHashMap<>();
        Map<String, CostAnomaly> after = new LinkedHashMap<>();
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            try {
                for (CostAnomaly anomaly : anomalies) {
                    Optional<CostAnomaly> known = find(connection, anomaly.id());
                    before.putIfAbsent(anomaly.id(), known);
                    after.put(anomaly.id(), anomaly);
                    CostAnomaly merged = known.map(old -> anomaly.withDetectedAt(old.detectedAt()).withFeedback(old.feedback(), old.feedbackNote())
                            .withSuppressed(old.suppressed().or(anomaly::suppressed))).orElse(anomaly);
                    Optional<Timestamp> feedbackAt = Optional.empty();
                    if (known.isPresent()) {
                        feedbackAt = feedbackAt(connection, anomaly.id());
                        delete(connection, anomaly.id());
                    }
                    insert(connection, merged, now, feedbackAt);
                    saved.add(merged);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("saving anomalies", e);
        }
        int created = 0;
        int changed = 0;
        for (Map.Entry<String, Optional<CostAnomaly>> entry : before.entrySet()) {
            if (entry.getValue().isEmpty()) {
                created++;
            } else if (changed(entry.getValue().get(), after.get(entry.getKey()))) {
                changed++;
            }
        }
        return new Saved(saved, created, changed);
    }

    /**
     * What {@link #save} kept.
     *
     * @param anomalies every anomaly as stored
     * @param created how many were not known before
     * @param changed how many known ones changed: grew, ended, or became another kind
     */
    public record Saved(List<CostAnomaly> anomalies, int created, int changed) {
        public Saved {
            anomalies = List.copyOf(anomalies);
        }
    }

    private static boolean changed(CostAnomaly before, CostAnomaly now) {
        return !before.end().equals(now.end()) || before.ongoing() != now.ongoing() || before.actual().compareTo(now.actual()) != 0 || before.kind() != now.kind();
    }

    public Optional<CostAnomaly> find(String id) {
        try (Connection connection = store.connect()) {
            return find(connection, id);
        } catch (SQLException e) {
            throw SqlFailures.internal("reading anomaly " + id, e);
        }
    }

    /**
     * Anomalies overlapping {@code [from, to)} (either may be open), of one monitor or all, latest first.
     */
    public List<CostAnomaly> list(Optional<LocalDateTime> from, Optional<LocalDateTime> to, Optional<String> monitor) {
        String sql = "SELECT " + COLUMNS + " FROM anomalies WHERE (? IS NULL OR end_at > ?) AND (? IS NULL OR start_at < ?) AND (? IS NULL OR monitor = ?)"
                + " ORDER BY start_at DESC, monitor, series_key, granularity";
        try (Connection connection = store.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            Timestamp start = from.map(Timestamp::valueOf).orElse(null);
            Timestamp end = to.map(Timestamp::valueOf).orElse(null);
            select.setTimestamp(1, start);
            select.setTimestamp(2, start);
            select.setTimestamp(3, end);
            select.setTimestamp(4, end);
            select.setString(5, monitor.orElse(null));
            select.setString(6, monitor.orElse(null));
            return read(connection, select);
        } catch (SQLException e) {
            throw SqlFailures.internal("listing anomalies", e);
        }
    }

    /** Records feedback on an anomaly; a second answer replaces the first. */
    public CostAnomaly feedback(String id, Feedback feedback, Optional<String> note, Instant at) {
        try (Connection connection = store.connect();
                PreparedStatement update = connection.prepareStatement("UPDATE anomalies SET feedback = ?, feedback_note = ?, feedback_at = ? WHERE anomaly_id = ?")) {
            update.setString(1, feedback.name());
            update.setString(2, note.orElse(null));
            update.setTimestamp(3, timestamp(at));
            update.setString(4, id);
            if (update.executeUpdate() == 0) {
                throw new SpendlensException(ErrorCode.NOT_FOUND, "no anomaly %s (list them with ./spendlens anomalies)".formatted(id));
            }
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw SqlFailures.internal("recording feedback", e);
        }
    }

    /** The end of the latest anomaly of the series marked as planned activity, if any. */
    public Optional<LocalDateTime> lastPlanned(String monitor, String seriesKey) {
        try (Connection connection = store.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT max(end_at) FROM anomalies WHERE monitor = ? AND series_key = ? AND feedback = 'PLANNED_ACTIVITY'")) {
            select.setString(1, monitor);
            select.setString(2, seriesKey);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                Timestamp end = rows.getTimestamp(1);
                return end == null ? Optional.empty() : Optional.of(end.toLocalDateTime());
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading planned activity", e);
        }
    }

    /** The monitors created through the API, by name. */
    public List<MonitorDefinition> monitors() {
        List<MonitorDefinition> monitors = new ArrayList<>();
        try (Connection connection = store.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT name, dimension, filter_json, hourly FROM anomaly_monitors ORDER BY name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                monitors.add(new MonitorDefinition(rows.getString(1), Optional.ofNullable(rows.getString(2)), Optional.ofNullable(rows.getString(3)),
                        rows.getBoolean(4), "api"));
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading monitors", e);
        }
        return monitors;
    }

    /** Creates or replaces an API monitor. */
    public void saveMonitor(MonitorDefinition monitor, Instant at) {
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM anomaly_monitors WHERE name = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO anomaly_monitors VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, monitor.name());
                delete.executeUpdate();
                insert.setString(1, monitor.name());
                insert.setString(2, monitor.dimension().orElse(null));
                insert.setString(3, monitor.filterJson().orElse(null));
                insert.setBoolean(4, monitor.hourly());
                insert.setTimestamp(5, timestamp(at));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("saving monitor " + monitor.name(), e);
        }
    }

    /** Deletes an API monitor; its anomalies stay in the history. */
    public boolean deleteMonitor(String name) {
        try (Connection connection = store.connect(); PreparedStatement delete = connection.prepareStatement("DELETE FROM anomaly_monitors WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw SqlFailures.internal("deleting monitor " + name, e);
        }
    }

    private static Optional<CostAnomaly> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM anomalies WHERE anomaly_id = ?")) {
            select.setString(1, id);
            List<CostAnomaly> found = read(connection, select);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<CostAnomaly> read(Connection connection, PreparedStatement select) throws SQLException {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                Object[] row = new Object[18];
                for (int index = 0; index < row.length; index++) {
                    row[index] = result.getObject(index + 1);
                }
                row[8] = result.getBigDecimal(9);
                row[9] = result.getBigDecimal(10);
                row[5] = result.getTimestamp(6);
                row[6] = result.getTimestamp(7);
                row[14] = result.getTimestamp(15);
                rows.put((String) row[0], row);
            }
        }
        List<CostAnomaly> anomalies = new ArrayList<>();
        for (Object[] row : rows.values()) {
            String id = (String) row[0];
            anomalies.add(new CostAnomaly(id, (String) row[1], Granularity.valueOf((String) row[2]), (String) row[3], AnomalyKind.valueOf((String) row[4]),
                    ((Timestamp) row[5]).toLocalDateTime(), ((Timestamp) row[6]).toLocalDateTime(), (Boolean) row[7], Decimals.exact((BigDecimal) row[8]),
                    Decimals.exact((BigDecimal) row[9]), ((Number) row[10]).doubleValue(), (String) row[11], (String) row[12], Optional.ofNullable((String) row[13]),
                    causes(connection, id), ((Timestamp) row[14]).toLocalDateTime().toInstant(ZoneOffset.UTC), Optional.ofNullable((String) row[15]),
                    Optional.ofNullable((String) row[16]).map(Feedback::valueOf), Optional.ofNullable((String) row[17])));
        }
        return anomalies;
    }

    private static List<Contribution> causes(Connection connection, String id) throws SQLException {
        List<Contribution> causes = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT principal, model, token_type, account, expected, actual FROM anomaly_root_causes WHERE anomaly_id = ? ORDER BY rank")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    causes.add(new Contribution(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBigDecimal(5), rows.getBigDecimal(6)));
                }
            }
        }
        return causes;
    }

    private static Optional<Timestamp> feedbackAt(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT feedback_at FROM anomalies WHERE anomaly_id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getTimestamp(1)) : Optional.empty();
            }
        }
    }

    private static void delete(Connection connection, String id) throws SQLException {
        for (String sql : List.of("DELETE FROM anomalies WHERE anomaly_id = ?", "DELETE FROM anomaly_root_causes WHERE anomaly_id = ?")) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    private static void insert(Connection connection, CostAnomaly anomaly, Instant now, Optional<Timestamp> feedbackAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO anomalies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, anomaly.id());
            insert.setString(2, anomaly.monitor());
            insert.setString(3, anomaly.granularity().name());
            insert.setString(4, anomaly.seriesKey());
            insert.setString(5, anomaly.kind().name());
            insert.setTimestamp(6, Timestamp.valueOf(anomaly.start()));
            insert.setTimestamp(7, Timestamp.valueOf(anomaly.end()));
            insert.setBoolean(8, anomaly.ongoing());
            insert.setBigDecimal(9, anomaly.expected());
            insert.setBigDecimal(10, anomaly.actual());
            insert.setDouble(11, anomaly.score());
            insert.setString(12, anomaly.scoreMeaning());
            insert.setString(13, anomaly.explanation());
            insert.setString(14, anomaly.owner().orElse(null));
            insert.setTimestamp(15, timestamp(anomaly.detectedAt()));
            insert.setTimestamp(16, timestamp(now));
            insert.setString(17, anomaly.suppressed().orElse(null));
            insert.setString(18, anomaly.feedback().map(Enum::name).orElse(null));
            insert.setString(19, anomaly.feedbackNote().orElse(null));
            insert.setTimestamp(20, feedbackAt.orElse(null));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO anomaly_root_causes VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rank = 0;
            for (Contribution cause : anomaly.rootCause()) {
                insert.setString(1, anomaly.id());
                insert.setInt(2, rank++);
                insert.setString(3, cause.principal());
                insert.setString(4, cause.model());
                insert.setString(5, cause.tokenType());
                insert.setString(6, cause.account());
                insert.setBigDecimal(7, cause.expected());
                insert.setBigDecimal(8, cause.actual());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }


    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
