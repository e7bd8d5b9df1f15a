package dev.spendlens.duckdb.ingest;

import dev.spendlens.duckdb.AllocationKey;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.principal.PrincipalParser;
import dev.spendlens.usage.UsageTypeClassifier;
import dev.spendlens.usage.UsageTypeInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Decodes what the staged batch contains, with the pure domain rules, over distinct values only
 * (a few thousand principals, usage types and tag sets, never the millions of lines):
 * {@code usage_classes} per usage type, {@code batch_tag_sets} per tags map, and
 * {@code batch_allocations} per allocation key. Refuses the batch, naming file and row, when a
 * principal ARN is malformed or a billing period mixes currencies.
 */
final class BatchAttributor {
    // Usage-like line item types are API calls when their usage type is; tax, credits, refunds and fees never are.
    private static final String USAGE_LINE_TYPES = "('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')";

    // Sorted key=value pairs: the same tags in any order give the same tag set id, here and in any engine with md5.
    private static final String CANONICAL_TAGS = "md5(coalesce(array_to_string(list_sort(list_transform(map_entries(tags), e -> e.key || chr(31) || e.value)), chr(30)), ''))";

    private BatchAttributor() {}

    static void attribute(Connection connection, List<InspectedFile> files) throws SQLException {
        checkCurrencies(connection, files);
        checkPrincipals(connection, files);
        classifyUsageTypes(connection);
        identifyTagSets(connection);
        collectAllocationKeys(connection);
    }

    private static void checkCurrencies(Connection connection, List<InspectedFile> files) throws SQLException {
        String sql = """
                SELECT payer_account_id, billing_period, currency, min(file_index), sum(line_items) AS lines
                FROM staged GROUP BY ALL ORDER BY payer_account_id, billing_period, lines DESC""";
        String previousPeriod = "";
        String periodCurrency = "";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String period = rows.getString(1) + "/" + rows.getString(2);
                String currency = rows.getString(3);
                if (currency.isBlank()) {
                    throw located(connection, files.get(rows.getInt(4)), "line_item_currency_code", currency, ErrorCode.CUR_BAD_VALUE,
                            "the currency code is empty");
                }
                checkIso(connection, files.get(rows.getInt(4)), currency);
                if (!period.equals(previousPeriod)) {
                    previousPeriod = period;
                    periodCurrency = currency;
                } else {
                    throw located(connection, files.get(rows.getInt(4)), "line_item_currency_code", currency, ErrorCode.CUR_CURRENCY_MIX,
                            "billing period %s of payer %s mixes %s with %s; one invoice has one billing currency, so this export is not one Spendlens can sum"
                                    .formatted(rows.getString(2).substring(0, 7), rows.getString(1), currency, periodCurrency));
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT DISTINCT b.currency, s.currency FROM billing_periods b CROSS JOIN (SELECT DISTINCT currency FROM staged) s
                        WHERE b.currency <> s.currency
                          AND NOT EXISTS (SELECT 1 FROM staged x WHERE x.payer_account_id = b.payer_account_id AND x.billing_period = b.billing_period)""")) {
            if (rows.next()) {
                throw new SpendlensException(ErrorCode.STORE_CURRENCY_MISMATCH,
                        "the store holds billing periods in %s but this export bills in %s; keep one store per billing currency (use --db)".formatted(rows.getString(1), rows.getString(2)));
            }
        }
    }

    private static void checkIso(Connection connection, InspectedFile file, String currency) {
        try {
            java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw located(connection, file, "line_item_currency_code", currency, ErrorCode.CUR_BAD_VALUE, "'%s' is not an ISO 4217 currency code".formatted(currency));
        }
    }

    private static void checkPrincipals(Connection connection, List<InspectedFile> files) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT principal, min(file_index) FROM staged WHERE principal <> '' GROUP BY principal")) {
            while (rows.next()) {
                String arn = rows.getString(1);
                try {
                    PrincipalParser.parse(arn);
                } catch (SpendlensException e) {
                    throw located(connection, files.get(rows.getInt(2)), "line_item_iam_principal", arn, ErrorCode.MALFORMED_PRINCIPAL_ARN, e.getMessage());
                }
            }
        }
    }

    private static SpendlensException located(Connection connection, InspectedFile file, String column, String value, ErrorCode code, String problem) {
        String where = file.columns().has(column)
                ? BadRowLocator.firstEqual(connection, file, column, value).map(location -> location.describe(file)).orElse(file.name() + ", column " + column)
                : file.name();
        return new SpendlensException(code, "%s: %s (nothing was stored)".formatted(where, problem));
    }

    private static void classifyUsageTypes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE usage_classes (
                        usage_type VARCHAR, product_name VARCHAR, pricing_unit VARCHAR, model VARCHAR, token_type VARCHAR, pricing_model VARCHAR,
                        usage_category VARCHAR, call_category BOOLEAN, tokens_per_unit DECIMAL(18,0), region_code VARCHAR)""");
        }
        record UsageKey(String usageType, String productName, String pricingUnit) {}
        List<UsageKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT usage_type, product_name, pricing_unit FROM staged")) {
            while (rows.next()) {
                keys.add(new UsageKey(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "usage_classes")) {
            for (UsageKey key : keys) {
                UsageTypeInfo info = UsageTypeClassifier.classify(key.usageType(), nonEmpty(key.productName()), nonEmpty(key.pricingUnit()));
                appender.beginRow();
                appender.append(key.usageType());
                appender.append(key.productName());
                appender.append(key.pricingUnit());
                appender.append(key.usageType().isBlank() ? "__none__" : info.model());
                appender.append(info.tokenType().name());
                appender.append(info.pricingModel().name());
                appender.append(info.category().name());
                appender.append(info.category().callCharge());
                appender.append(info.tokensPerUnit());
                appender.append(info.regionCode());
                appender.endRow();
            }
        }
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static void identifyTagSets(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE batch_tag_sets AS
                    SELECT tags_hash, tags, %s AS tag_set_id
                    FROM (SELECT tags_hash, any_value(tags) AS tags FROM staged_tags GROUP BY tags_hash)""".formatted(CANONICAL_TAGS));
            statement.execute("""
                    INSERT INTO tag_sets
                    SELECT tag_set_id, entry.key, entry.value
                    FROM (SELECT tag_set_id, unnest(map_entries(any_value(tags))) AS entry FROM batch_tag_sets GROUP BY tag_set_id)
                    WHERE tag_set_id NOT IN (SELECT DISTINCT tag_set_id FROM tag_sets)""");
        }
    }

    private static void collectAllocationKeys(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE batch_allocations (principal VARCHAR, tag_set_id VARCHAR, call_charge BOOLEAN, allocation_id BIGINT)");
        }
        List<AllocationKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT DISTINCT s.principal, t.tag_set_id, (u.call_category AND s.line_item_type IN %s) AS call_charge
                        FROM staged s
                        JOIN batch_tag_sets t USING (tags_hash)
                        JOIN usage_classes u USING (usage_type, product_name, pricing_unit)""".formatted(USAGE_LINE_TYPES))) {
            while (rows.next()) {
                keys.add(new AllocationKey(rows.getString(1), rows.getString(2), rows.getBoolean(3)));
            }
        }
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", "batch_allocations")) {
            for (AllocationKey key : keys) {
                appender.beginRow();
                appender.append(key.principal());
                appender.append(key.tagSetId());
                appender.append(key.callCharge());
                appender.append(key.id());
                appender.endRow();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO allocation_keys
                SELECT allocation_id, principal, tag_set_id, call_charge FROM batch_allocations
                WHERE allocation_id NOT IN (SELECT allocation_id FROM allocation_keys)""")) {
            statement.executeUpdate();
        }
    }

    /** The line types that can be API calls, for the fact writer's join. */
    static String usageLineTypes() {
        return USAGE_LINE_TYPES;
    }
}
