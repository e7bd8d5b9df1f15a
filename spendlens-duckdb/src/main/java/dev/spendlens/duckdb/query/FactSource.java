package dev.spendlens.duckdb.query;

import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.StoreState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FROM clause of a cost query: the fact table and the joins the query's fields need. Tag keys
 * are always bound parameters, never spliced into SQL, whatever a user sends.
 */
final class FactSource {
    /** How finely the facts a query reads are bucketed: every hour, every day, or every month (a rollup). */
    enum Grain {
        HOURLY,
        DAILY,
        MONTHLY
    }

    /**
     * Which rollups a query may read, each level including the one before: none (the plain engine, or
     * rollups that no longer match the facts), those keyed by allocation key, and the label rollups too.
     */
    enum Rollups {
        NONE,
        BY_ALLOCATION,
        BY_LABEL;

        static Rollups of(StoreState state) {
            return state.labelsFresh() ? BY_LABEL : state.rollupsFresh() ? BY_ALLOCATION : NONE;
        }
    }

    private final Grain grain;
    private final Rollups rollups;
    private boolean allocations;
    private boolean principal;
    private boolean chargeTypes;
    private boolean accounts;
    private boolean accountColumn;
    private boolean resourceColumn;
    private final Map<String, String> tagAliases = new LinkedHashMap<>();
    private String timeColumn;
    private List<Object> timeBounds = List.of();
    private List<String> measures = List.of();

    /**
     * @param rollups the rollups the query may read; monthly facts exist only as a rollup
     */
    FactSource(Grain grain, Rollups rollups) {
        if (grain == Grain.MONTHLY && rollups == Rollups.NONE) {
            throw new IllegalArgumentException("monthly facts are a rollup: read them only while the rollups are fresh");
        }
        this.grain = grain;
        this.rollups = rollups;
    }

    /**
     * The day-or-coarser facts of a period: the monthly rollups when the period is whole months and the
     * rollups match the stored deliveries, else the days. Both sum the same.
     */
    static FactSource forPeriod(TimePeriod period, Rollups rollups) {
        return new FactSource(wholeMonths(period) && rollups != Rollups.NONE ? Grain.MONTHLY : Grain.DAILY, rollups);
    }

    static boolean wholeMonths(TimePeriod period) {
        return period.start().getDayOfMonth() == 1 && period.end().getDayOfMonth() == 1;
    }

    /** The table to read for questions about owners alone over a period, one row per allocation key and day or month. */
    static String ownerTable(TimePeriod period, Rollups rollups) {
        if (rollups == Rollups.NONE) {
            return "cost_daily";
        }
        return wholeMonths(period) ? "cost_monthly_owners" : "cost_daily_owners";
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
            case PRINCIPAL -> {
                principal = true;
                yield allocation("principal");
            }
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
        if (allocations && byLabel()) {
            from.append("\n  JOIN owner_labels a ON a.label_id = f.label_id");
        } else if (allocations) {
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

    // Questions about owners alone (no charge type, account or resource) read an owner rollup when they may,
    // and those that need no principal either, a label rollup.
    private String table() {
        boolean ownersOnly = !chargeTypes && !accountColumn && !resourceColumn;
        if (ownersOnly && byLabelPossible()) {
            return grain == Grain.MONTHLY ? "cost_monthly_labels" : "cost_daily_labels";
        }
        return switch (grain) {
            case HOURLY -> "cost_hourly";
            case DAILY -> ownersOnly && rollups != Rollups.NONE ? "cost_daily_owners" : "cost_daily";
            case MONTHLY -> ownersOnly ? "cost_monthly_owners" : "cost_monthly";
        };
    }

    private boolean byLabelPossible() {
        return grain != Grain.HOURLY && rollups == Rollups.BY_LABEL && !principal;
    }

    private boolean byLabel() {
        return table().endsWith("_labels");
    }

    private boolean ownerRollup() {
        return table().endsWith("_owners") || byLabel();
    }

    private String summedFacts() {
        List<String> columns = new ArrayList<>(List.of("f." + timeColumn));
        if (allocations) {
            columns.add(byLabel() ? "f.label_id" : "f.allocation_id");
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
        // An owner or label rollup is already one row per day or month and owner: summing it again would only cost time.
        boolean summed = ownerRollup();
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
