package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the store holds: the days with data, the billing periods, the currency and its size, so
 * that a dashboard can pick sensible default dates and a monitor can watch it grow.
 *
 * @param currency the billing currency, USD when the store is empty
 * @param firstDay the first usage day with a charge
 * @param lastDay the last usage day with a charge
 * @param periods the stored billing periods, oldest first
 * @param dailyRows rows of {@code cost_daily}
 * @param hourlyRows rows of {@code cost_hourly}
 * @param storeBytes size of the DuckDB file and its write-ahead log
 */
public record StoreCoverage(String currency, Optional<LocalDate> firstDay, Optional<LocalDate> lastDay, List<StoredPeriod> periods, long dailyRows,
        long hourlyRows, long storeBytes) {

    public StoreCoverage {
        requireNonNull(currency, "currency is null");
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(lastDay, "lastDay is null");
        periods = List.copyOf(requireNonNull(periods, "periods is null"));
    }

    /** One stored billing period of one payer. */
    public record StoredPeriod(String payerAccountId, YearMonth billingPeriod, String granularity, BigDecimal unblendedCost, long lineItems) {
        public StoredPeriod {
            requireNonNull(payerAccountId, "payerAccountId is null");
            requireNonNull(billingPeriod, "billingPeriod is null");
            requireNonNull(granularity, "granularity is null");
            requireNonNull(unblendedCost, "unblendedCost is null");
        }
    }

    public static StoreCoverage read(DuckDbStore store) {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
            String currency = "USD";
            List<StoredPeriod> periods = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT payer_account_id, billing_period, granularity, unblended_cost, line_items, currency
                    FROM billing_periods ORDER BY billing_period, payer_account_id""")) {
                while (rows.next()) {
                    LocalDate period = rows.getDate(2).toLocalDate();
                    periods.add(new StoredPeriod(rows.getString(1), YearMonth.from(period), rows.getString(3), rows.getBigDecimal(4), rows.getLong(5)));
                    currency = rows.getString(6);
                }
            }
            Optional<LocalDate> first;
            Optional<LocalDate> last;
            long dailyRows;
            try (ResultSet rows = statement.executeQuery("SELECT min(usage_date), max(usage_date), count(*) FROM cost_daily")) {
                rows.next();
                first = Optional.ofNullable(rows.getDate(1)).map(java.sql.Date::toLocalDate);
                last = Optional.ofNullable(rows.getDate(2)).map(java.sql.Date::toLocalDate);
                dailyRows = rows.getLong(3);
            }
            long hourlyRows;
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM cost_hourly")) {
                rows.next();
                hourlyRows = rows.getLong(1);
            }
            return new StoreCoverage(currency, first, last, periods, dailyRows, hourlyRows, size(store.settings().path()));
        } catch (SQLException e) {
            throw SqlFailures.internal("reading what the store holds", e);
        }
    }

    private static long size(Path database) {
        long bytes = 0;
        for (Path file : List.of(database, database.resolveSibling(database.getFileName() + ".wal"))) {
            try {
                bytes += Files.isRegularFile(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                // The WAL can vanish between the check and the read, at a checkpoint: count what is there.
            }
        }
        return bytes;
    }
}
