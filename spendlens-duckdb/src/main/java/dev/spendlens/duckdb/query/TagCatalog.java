package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.TimePeriod;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tag keys and values seen on charges over a period, with their spend. Keys and search text are
 * bound parameters, whatever they contain.
 */
public final class TagCatalog {
    private final DuckDbStore store;

    /**
     * One page of tag values, with the totals needed to read them.
     *
     * @param values (key, value) pairs ordered by key, then spend, biggest first
     * @param keyTotals for each key on the page, the spend of all charges carrying it (any value)
     * @param periodTotal the spend of all charges of the period, tagged or not
     */
    public record Result(Page<TagSpend> values, Map<String, BigDecimal> keyTotals, BigDecimal periodTotal) {
        public Result {
            requireNonNull(values, "values is null");
            keyTotals = Map.copyOf(requireNonNull(keyTotals, "keyTotals is null"));
            requireNonNull(periodTotal, "periodTotal is null");
        }
    }

    public TagCatalog(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * @param key only this tag key (the full key, e.g. {@code iamPrincipal/team}); empty for all keys
     * @param search keeps the values containing this text, case-insensitively
     */
    public Result find(TimePeriod period, Optional<String> key, Optional<String> search, PageRequest page) {
        String pairs = """
                WITH spend AS (
                    SELECT f.allocation_id, sum(f.unblended_cost) AS cost
                    FROM %s f
                    WHERE f.usage_date >= ? AND f.usage_date < ?
                    GROUP BY 1),
                pairs AS (
                    SELECT t.tag_key, t.tag_value, sum(s.cost) AS cost
                    FROM spend s
                      JOIN allocations a ON a.allocation_id = s.allocation_id
                      JOIN tag_sets t ON t.tag_set_id = a.tag_set_id
                    WHERE (? = '' OR t.tag_key = ?) AND contains(lower(t.tag_value), ?)
                    GROUP BY 1, 2)
                """;
        String facts;
        String wantedKey = key.map(String::strip).orElse("");
        Parameters parameters = new Parameters().add(period.start()).add(period.end()).add(wantedKey).add(wantedKey)
                .add(search.map(text -> text.strip().toLowerCase(Locale.ROOT)).orElse(""));
        // Tags hang off the allocation key alone: an owner rollup has all this needs.
        facts = FactSource.ownerTable(period, FactSource.Rollups.of(store.state()));
        pairs = pairs.formatted(facts);
        try (Connection connection = store.connect()) {
            Page<TagSpend> values = Page.read(connection,
                    pairs + "SELECT tag_key, tag_value, cost, count(*) OVER () FROM pairs ORDER BY tag_key, cost DESC, tag_value LIMIT ? OFFSET ?",
                    pairs + "SELECT count(*) FROM pairs", parameters, page, row -> new TagSpend(row.getString(1), row.getString(2), row.getBigDecimal(3)));
            return new Result(values, keyTotals(connection, facts, period, values.items()), periodTotal(connection, facts, period));
        } catch (SQLException e) {
            throw SqlFailures.internal("listing tags", e);
        }
    }

    private static Map<String, BigDecimal> keyTotals(Connection connection, String facts, TimePeriod period, List<TagSpend> values) throws SQLException {
        List<String> keys = values.stream().map(TagSpend::key).distinct().toList();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return totals;
        }
        // A key appears once per tags map, so summing over (key, map) never counts a charge twice.
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT t.tag_key, sum(f.unblended_cost)
                FROM %s f
                  JOIN allocations a ON a.allocation_id = f.allocation_id
                  JOIN tag_sets t ON t.tag_set_id = a.tag_set_id
                WHERE f.usage_date >= ? AND f.usage_date < ? AND t.tag_key IN (%s)
                GROUP BY 1""".formatted(facts, String.join(", ", java.util.Collections.nCopies(keys.size(), "?"))))) {
            new Parameters().add(period.start()).add(period.end()).addAll(keys).bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), rows.getBigDecimal(2));
                }
            }
        }
        return totals;
    }

    static BigDecimal periodTotal(Connection connection, String facts, TimePeriod period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(sum(unblended_cost), 0) FROM %s WHERE usage_date >= ? AND usage_date < ?".formatted(facts))) {
            new Parameters().add(period.start()).add(period.end()).bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }
}
