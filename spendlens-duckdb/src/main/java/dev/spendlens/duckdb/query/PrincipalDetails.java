package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one principal's {@link PrincipalReport}. The principal is a bound parameter; the dimension
 * columns come from the configured (validated) allocation dimensions, never from the request.
 */
public final class PrincipalDetails {
    // The principal's allocation keys and their spend in the period (from an owner rollup when fresh); the allocation and tag queries start here.
    private static final String SPEND = """
            WITH mine AS (SELECT * FROM allocations WHERE principal = ?),
            spend AS (
                SELECT f.allocation_id, sum(f.unblended_cost) AS cost
                FROM %s f
                WHERE f.usage_date >= ? AND f.usage_date < ? AND f.allocation_id IN (SELECT allocation_id FROM mine)
                GROUP BY 1)
            """;

    private final DuckDbStore store;
    private final List<AllocationDimension> dimensions;

    public PrincipalDetails(DuckDbStore store, List<AllocationDimension> dimensions) {
        this.store = requireNonNull(store, "store is null");
        this.dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    }

    /** The principal's report, or empty when the store has never seen it. */
    public Optional<PrincipalReport> find(String principal, TimePeriod period) {
        String spend = SPEND.formatted(FactSource.ownerTable(period, FactSource.Rollups.of(store.state())));
        try (Connection connection = store.connect()) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT a.principal_type, a.role, a.person, a.principal_account, a.session_name, acct.account_name
                    FROM allocations a
                      LEFT JOIN (SELECT account_id, max(account_name) AS account_name FROM accounts GROUP BY 1) acct ON acct.account_id = a.principal_account
                    WHERE a.principal = ?
                    ORDER BY a.allocation_id
                    LIMIT 1""")) {
                statement.setString(1, principal);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    Parameters parameters = new Parameters().add(principal).add(period.start()).add(period.end());
                    List<PrincipalReport.AllocatedSpend> allocations = allocations(connection, spend, parameters);
                    List<PrincipalReport.DailySpend> daily = daily(connection, parameters);
                    BigDecimal total = daily.stream().map(PrincipalReport.DailySpend::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return Optional.of(new PrincipalReport(principal, rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            Optional.ofNullable(rows.getString(6)), rows.getString(5), allocations, tags(connection, spend, parameters), daily, total));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading principal " + principal, e);
        }
    }

    private List<PrincipalReport.AllocatedSpend> allocations(Connection connection, String spend, Parameters parameters) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (AllocationDimension dimension : dimensions) {
            columns.add("m." + AllocationTable.valueColumn(dimension.name()));
            columns.add("m." + AllocationTable.sourceColumn(dimension.name()));
        }
        String sql = spend + "SELECT %s, coalesce(sum(s.cost), 0) FROM mine m LEFT JOIN spend s USING (allocation_id) GROUP BY ALL".formatted(String.join(", ", columns));
        // dimension -> (value, source) -> spend, in the configured order of dimensions
        Map<String, Map<List<String>, BigDecimal>> byDimension = new LinkedHashMap<>();
        dimensions.forEach(dimension -> byDimension.put(dimension.name(), new LinkedHashMap<>()));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    BigDecimal cost = rows.getBigDecimal(columns.size() + 1);
                    for (int i = 0; i < dimensions.size(); i++) {
                        List<String> valueAndSource = List.of(rows.getString(2 * i + 1), rows.getString(2 * i + 2));
                        byDimension.get(dimensions.get(i).name()).merge(valueAndSource, cost, BigDecimal::add);
                    }
                }
            }
        }
        List<PrincipalReport.AllocatedSpend> allocations = new ArrayList<>();
        byDimension.forEach((dimension, values) -> values.entrySet().stream()
                .sorted(Map.Entry.<List<String>, BigDecimal>comparingByValue().reversed())
                .forEach(entry -> allocations.add(new PrincipalReport.AllocatedSpend(dimension, entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))));
        return allocations;
    }

    private static List<TagSpend> tags(Connection connection, String spend, Parameters parameters) throws SQLException {
        List<TagSpend> tags = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(spend + """
                SELECT t.tag_key, t.tag_value, coalesce(sum(s.cost), 0) AS cost
                FROM mine m
                  JOIN tag_sets t ON t.tag_set_id = m.tag_set_id
                  LEFT JOIN spend s ON s.allocation_id = m.allocation_id
                GROUP BY 1, 2
                ORDER BY 1, 3 DESC, 2""")) {
            parameters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tags.add(new TagSpend(rows.getString(1), rows.getString(2), rows.getBigDecimal(3)));
                }
            }
        }
        return tags;
    }

    private static List<PrincipalReport.DailySpend> daily(Connection connection, Parameters parameters) throws SQLException {
        List<PrincipalReport.DailySpend> daily = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH mine AS (SELECT allocation_id FROM allocations WHERE principal = ?)
                SELECT f.usage_date, ct.model, ct.token_type, sum(f.unblended_cost) AS cost, sum(f.tokens)
                FROM cost_daily f
                  JOIN charge_types ct ON ct.charge_type_id = f.charge_type_id
                WHERE f.allocation_id IN (SELECT allocation_id FROM mine) AND f.usage_date >= ? AND f.usage_date < ?
                GROUP BY 1, 2, 3
                ORDER BY 1, cost DESC, 2, 3""")) {
            parameters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    daily.add(new PrincipalReport.DailySpend(rows.getDate(1).toLocalDate(), rows.getString(2), rows.getString(3), rows.getBigDecimal(4),
                            rows.getBigDecimal(5)));
                }
            }
        }
        return daily;
    }
}
