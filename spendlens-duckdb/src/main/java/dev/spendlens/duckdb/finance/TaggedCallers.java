package dev.spendlens.duckdb.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.SqlFailures;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Callers whose value of a dimension came from a tag, with their spend in a period: to ask the rules
 * and the people file whether they agree. The ARN as billed is read from {@code allocation_keys},
 * because rules match it; only the stored label (a pseudonym when people are pseudonymised) is shown.
 */
public final class TaggedCallers {
    private TaggedCallers() {}

    /**
     * One caller, its tagged value and spend.
     *
     * @param arn the caller ARN as billed, for matching rules only: never show it
     * @param label the principal as reports show it
     * @param value the dimension's value from the tag
     * @param source the tag it came from, e.g. {@code tag:iamPrincipal/team}
     */
    public record TaggedCaller(String arn, String label, String value, String source, BigDecimal cost) {
        public TaggedCaller {
            requireNonNull(arn, "arn is null");
            requireNonNull(label, "label is null");
            requireNonNull(value, "value is null");
            requireNonNull(source, "source is null");
            requireNonNull(cost, "cost is null");
        }
    }

    /** Callers with spend from {@code from} (inclusive) to {@code to} (exclusive) whose {@code dimension} came from a tag. */
    public static List<TaggedCaller> list(DuckDbStore store, String dimension, LocalDate from, LocalDate to) {
        String value = "a." + AllocationTable.valueColumn(dimension);
        String source = "a." + AllocationTable.sourceColumn(dimension);
        String sql = """
                SELECT k.principal, a.principal, %s, %s, sum(f.unblended_cost)
                FROM cost_daily f JOIN allocations a ON a.allocation_id = f.allocation_id JOIN allocation_keys k ON k.allocation_id = f.allocation_id
                WHERE f.usage_date >= ? AND f.usage_date < ? AND k.principal <> '' AND starts_with(%s, 'tag:')
                GROUP BY ALL ORDER BY 5 DESC, 2""".formatted(value, source, source);
        List<TaggedCaller> callers = new ArrayList<>();
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDate(1, Date.valueOf(from));
            statement.setDate(2, Date.valueOf(to));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    callers.add(new TaggedCaller(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBigDecimal(5)));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.internal("reading tagged callers", e);
        }
        return callers;
    }
}
