package dev.spendlens.duckdb;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What queries need to know about the store's contents that changes only when they do: the billing
 * currency and whether the rollups match the facts. {@link DuckDbStore#state()} reads it once per
 * change rather than once per request.
 *
 * @param currency the billing currency (one per store), USD when the store is empty
 * @param rollupsFresh true when the rollups match the stored deliveries, so that queries may read them
 * @param labelsFresh true when the label rollups ({@link OwnerLabels}) match the deliveries and the allocations too
 */
public record StoreState(String currency, boolean rollupsFresh, boolean labelsFresh) {
    public StoreState {
        requireNonNull(currency, "currency is null");
    }

    static StoreState read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT (SELECT coalesce(min(currency), 'USD') FROM billing_periods),
                       coalesce((%s) = (SELECT meta_value FROM store_meta WHERE meta_key = ?), false),
                       coalesce((%s) = (SELECT meta_value FROM store_meta WHERE meta_key = ?), false)""".formatted(Rollups.DELIVERIES, OwnerLabels.CURRENT))) {
            statement.setString(1, Rollups.FINGERPRINT_KEY);
            statement.setString(2, OwnerLabels.FINGERPRINT_KEY);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                boolean rollupsFresh = rows.getBoolean(2);
                return new StoreState(rows.getString(1), rollupsFresh, rollupsFresh && rows.getBoolean(3));
            }
        }
    }
}
