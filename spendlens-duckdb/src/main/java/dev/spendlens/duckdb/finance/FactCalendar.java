package dev.spendlens.duckdb.finance;

import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;

/** Which days the store holds spend for: forecasts start after the last one. */
public final class FactCalendar {
    private FactCalendar() {}

    /** The first and last day with any Bedrock fact, if the store holds any. */
    public static Optional<LocalDate[]> span(DuckDbStore store) {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT min(usage_date), max(usage_date) FROM cost_daily")) {
            rows.next();
            LocalDate first = rows.getObject(1, LocalDate.class);
            return first == null ? Optional.empty() : Optional.of(new LocalDate[] {first, rows.getObject(2, LocalDate.class)});
        } catch (SQLException e) {
            throw SqlFailures.internal("reading the days with spend", e);
        }
    }
}
