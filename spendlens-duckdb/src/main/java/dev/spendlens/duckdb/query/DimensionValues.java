package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * GetDimensionValues: the values a dimension (built-in, allocation or tag) took over a period, with
 * their spend, biggest first. The field comes resolved from {@link dev.spendlens.costquery.FieldParser},
 * so a user's key never reaches SQL as text; the search text is a bound parameter.
 */
public final class DimensionValues {
    private final DuckDbStore store;

    public DimensionValues(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * @param search keeps the values containing this text, case-insensitively; empty keeps all
     */
    public Page<ValueSpend> find(Field field, TimePeriod period, Optional<String> search, PageRequest page) {
        FactSource.Rollups rollups = FactSource.Rollups.of(store.state());
        boolean everyPrincipal = field.equals(new Field.Builtin(Dimension.PRINCIPAL)) && search.map(String::isBlank).orElse(true);
        try (Connection connection = store.connect()) {
            if (everyPrincipal && rollups == FactSource.Rollups.BY_LABEL && FactSource.wholeMonths(period)) {
                return PrincipalRanking.page(connection, period, page);
            }
            return find(connection, FactSource.forPeriod(period, rollups), field, period, search, page);
        } catch (SQLException e) {
            throw SqlFailures.internal("listing the values of " + field.label(), e);
        }
    }

    private static Page<ValueSpend> find(Connection connection, FactSource source, Field field, TimePeriod period, Optional<String> search, PageRequest page)
            throws SQLException {
        String value = source.expression(field);
        source.within("usage_date", java.sql.Date.valueOf(period.start()), java.sql.Date.valueOf(period.end()), java.util.List.of("unblended_cost"));
        String values = """
                WITH v AS (
                    SELECT %s AS value, sum(f.unblended_cost) AS cost
                    FROM %s
                    WHERE f.usage_date >= ? AND f.usage_date < ?
                    GROUP BY 1)
                """.formatted(value, source.from());
        Parameters parameters = new Parameters().addAll(source.parameters()).add(period.start()).add(period.end())
                .add(search.map(text -> text.strip().toLowerCase(Locale.ROOT)).orElse(""));
        String ranked = values + """
                SELECT value, cost, count(*) OVER () AS total_size FROM v
                WHERE contains(lower(value), ?)
                ORDER BY cost DESC, value
                LIMIT ? OFFSET ?""";
        return Page.read(connection, ranked, values + "SELECT count(*) FROM v WHERE contains(lower(value), ?)", parameters, page,
                row -> new ValueSpend(row.getString(1), row.getBigDecimal(2)));
    }
}
