package dev.spendlens.duckdb.query;

import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.MonthlyRollup;

import java.sql.Connection;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FROM clause of a cost query: the fact table and the joins the query's fields need. Tag keys
 * are always bound parameters, never spliced into SQL, whatever a user sends.
 */
final class FactSource {
    private final String factTable;
    private boolean allocations;
    private boolean chargeTypes;
    private boolean accounts;
    private boolean accountColumn;
    private boolean resourceColumn;
    private final Map<String, String> tagAliases = new LinkedHashMap<>();
    private String timeColumn;
    private List<Object> timeBounds = List.of();
    private List<String> measures = List.of();

    FactSource(String factTable) {
        this.factTable = factTable;
    }

    /**
     * The table of day-or-coarser facts for a period: the monthly rollup when the period is whole
     * months and the rollup matches the stored deliveries, else {@code cost_daily}. Both sum the same.
     */
    static String dailyOrMonthly(Connection connection, TimePeriod period) throws SQLException {
        boolean wholeMonths = period.start().getDayOfMonth() == 1 && period.end().getDayOfMonth() == 1;
        return wholeMonths && MonthlyRollup.isFresh(connection) ? "cost_monthly" : "cost_daily";
    }

    /** The SQL expression of a field's value, registering the join it needs. */
    String expression(Field field) {
        // Java 17 has no pattern switch; Field is sealed to exactly these three.
        if (field instanceof Field.Builtin builtin) {
            return builtin(builtin.dimension());
        }
        if (field instanceof Field.Allocation allocation) {
            allocations = true;
            return "a." + AllocationTable.valueColumn(allocation.dimension());
        }
        Field.Tag tag = (Field.Tag) field;
        allocations = true;
        return "coalesce(" + tagAliases.computeIfAbsent(tag.key(), key -> "tag" + tagAliases.size()) + ".tag_value, '')";
    }

    private String builtin(Dimension dimension) {
        return switch (dimension) {
            case PRINCIPAL -> allocation("principal");
            case PRINCIPAL_TYPE -> allocation("principal_type");
            case ROLE -> allocation("role");
            case PERSON -> allocation("person");
            case LINKED_ACCOUNT -> {
                accountColumn = true;
                yield "f.usage_account_id";
            }
            case LINKED_ACCOUNT_NAME -> {
                accounts = true;
                accountColumn = true;
                yield "coalesce(acct.account_name, f.usage_account_id)";
            }
            case PAYER_ACCOUNT -> chargeType("payer_account_id");
            case REGION -> chargeType("region");
            case MODEL -> chargeType("model");
            case TOKEN_TYPE -> chargeType("token_type");
            case PRICING_MODEL -> chargeType("pricing_model");
            case USAGE_CATEGORY -> chargeType("usage_category");
            case USAGE_TYPE -> chargeType("usage_type");
            case OPERATION -> chargeType("operation");
            case RECORD_TYPE -> chargeType("line_item_type");
            case SERVICE -> chargeType("service");
            case BILLING_ENTITY -> chargeType("billing_entity");
            case INVOICE_ID -> chargeType("invoice_id");
            case RESOURCE_ID -> {
                resourceColumn = true;
                yield "f.resource_id";
            }
        };
    }

    private String chargeType(String column) {
        chargeTypes = true;
        return "ct." + column;
    }

    private String allocation(String column) {
        allocations = true;
        return "a." + column;
    }

    /** The FROM clause; its parameters (tag keys) come first, in {@link #parameters()} order. */
    String from() {
        StringBuilder from = new StringBuilder(timeBounds.isEmpty() ? table() + " f" : summedFacts());
        if (allocations) {
            from.append("\n  JOIN allocations a ON a.allocation_id = f.allocation_id");
        }
        if (chargeTypes) {
            from.append("\n  JOIN charge_types ct ON ct.charge_type_id = f.charge_type_id");
        }
        if (accounts) {
            from.append("\n  LEFT JOIN (SELECT account_id, max(account_name) AS account_name FROM accounts GROUP BY account_id) acct ON acct.account_id = f.usage_account_id");
        }
        for (String alias : tagAliases.values()) {
            from.append("\n  LEFT JOIN tag_sets ").append(alias).append(" ON ").append(alias).append(".tag_set_id = a.tag_set_id AND ").append(alias).append(".tag_key = ?");
        }
        return from.toString();
    }

    /**
     * Sums the facts of [start, end) on the columns the query's fields need before joining the
     * dimension tables: a year by team joins one row per month and owner instead of one per month,
     * owner, charge type, account and resource. Call before {@link #from()}; the bounds are bound first.
     *
     * @param measures the fact columns the query sums, e.g. {@code unblended_cost}
     */
    FactSource within(String timeColumn, Object start, Object end, List<String> measures) {
        this.timeColumn = timeColumn;
        this.timeBounds = List.of(start, end);
        this.measures = List.copyOf(measures);
        return this;
    }

    // Questions about owners alone (no charge type, account or resource) read the owner rollup.
    private String table() {
        boolean ownersOnly = !chargeTypes && !accountColumn && !resourceColumn;
        return factTable.equals("cost_monthly") && ownersOnly ? "cost_monthly_owners" : factTable;
    }

    private String summedFacts() {
        List<String> columns = new ArrayList<>(List.of("f." + timeColumn));
        if (allocations) {
            columns.add("f.allocation_id");
        }
        if (chargeTypes) {
            columns.add("f.charge_type_id");
        }
        if (accountColumn) {
            columns.add("f.usage_account_id");
        }
        if (resourceColumn) {
            columns.add("f.resource_id");
        }
        // The owner rollup is already one row per month and allocation key: summing it again would only cost time.
        boolean summed = table().equals("cost_monthly_owners");
        // Only the measures the query sums: each is a 128-bit decimal sum per row.
        for (String measure : measures) {
            columns.add((summed ? "f.%s" : "sum(f.%s) AS %s").formatted(measure, measure));
        }
        return """
                (SELECT %s
                 FROM %s f WHERE f.%s >= ? AND f.%s < ?%s) f""".formatted(String.join(", ", columns), table(), timeColumn, timeColumn, summed ? "" : " GROUP BY ALL");
    }

    /** The parameters of {@link #from()}, in order: the time bounds of {@link #within}, then tag keys. */
    List<Object> parameters() {
        List<Object> parameters = new ArrayList<>(timeBounds);
        parameters.addAll(tagAliases.keySet());
        return parameters;
    }
}
