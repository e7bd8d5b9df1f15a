package dev.spendlens.duckdb.ingest;

import dev.spendlens.duckdb.AllocationKey;
import dev.spendlens.duckdb.ChargeType;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.principal.PrincipalParser;
import dev.spendlens.usage.UsageTypeInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Decodes what the batch's keys contain, with the pure domain rules, over distinct values only
 * (a few thousand principals, charge types and tag sets, never the millions of lines):
 * {@code batch_charge_types} per charge type, {@code batch_tag_sets} per tags map, and
 * {@code batch_allocations} per allocation key. Refuses the batch, naming file and row, when a
 * principal ARN is malformed or a billing period mixes currencies.
 */
final class BatchAttributor {
    // Sorted key=value pairs: the same tags in any order give the same tag set id, here and in any engine with md5.
    private static final String CANONICAL_TAGS = "md5(coalesce(array_to_string(list_sort(list_transform(map_entries(tags), e -> e.key || chr(31) || e.value)), chr(30)), ''))";

    private BatchAttributor() {}

    static void attribute(Connection connection, List<InspectedFile> files) throws SQLException {
        checkKeysAreDistinct(connection);
        checkCurrencies(connection, files);
        checkPrincipals(connection, files);
        collectChargeTypes(connection);
        identifyTagSets(connection);
        collectAllocationKeys(connection);
    }

    /** Two different keys with one 64-bit hash would be joined to one owner: astronomically rare, and never silently merged. */
    private static void checkKeysAreDistinct(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT count(*) FROM (SELECT key_hash FROM batch_keys GROUP BY key_hash HAVING count(DISTINCT (%s, principal, tags_hash)) > 1)"""
                .formatted(CHARGE_COLUMNS))) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "two distinct charge keys share a hash in this batch; nothing was stored, please report this");
            }
        }
    }

    private static void checkCurrencies(Connection connection, List<InspectedFile> files) throws SQLException {
        String sql = """
                SELECT payer_account_id, billing_period, currency, min(file_index), sum(line_items) AS lines
                FROM batch_keys GROUP BY ALL ORDER BY payer_account_id, billing_period, lines DESC""";
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
                        SELECT DISTINCT b.currency, s.currency FROM billing_periods b CROSS JOIN (SELECT DISTINCT currency FROM batch_keys) s
                        WHERE b.currency <> s.currency
                          AND NOT EXISTS (SELECT 1 FROM batch_keys x WHERE x.payer_account_id = b.payer_account_id AND x.billing_period = b.billing_period)""")) {
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
                ResultSet rows = statement.executeQuery("SELECT principal, min(file_index) FROM batch_keys WHERE principal <> '' GROUP BY principal")) {
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

    /** The columns of {@code batch_keys} that make a charge type, in {@link ChargeType}'s order. */
    static final String CHARGE_COLUMNS =
            "payer_account_id, invoice_id, billing_entity, line_item_type, product_code, product_name, usage_type, operation, region, pricing_unit, currency";

    private static void collectChargeTypes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE batch_charge_types (
                        payer_account_id VARCHAR, invoice_id VARCHAR, billing_entity VARCHAR, line_item_type VARCHAR, product_code VARCHAR,
                        product_name VARCHAR, usage_type VARCHAR, operation VARCHAR, region VARCHAR, pricing_unit VARCHAR, currency VARCHAR,
                        charge_type_id BIGINT, call_charge BOOLEAN, token_factor DECIMAL(18,0))""");
        }
        List<ChargeType> chargeTypes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT " + CHARGE_COLUMNS + " FROM batch_keys")) {
            while (rows.next()) {
                chargeTypes.add(new ChargeType(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11)));
            }
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender batch = duck.createAppender("temp", "main", "batch_charge_types")) {
            for (ChargeType type : chargeTypes) {
                batch.beginRow();
                for (String value : List.of(type.payerAccountId(), type.invoiceId(), type.billingEntity(), type.lineItemType(), type.productCode(),
                        type.productName(), type.usageType(), type.operation(), type.region(), type.pricingUnit(), type.currency())) {
                    batch.append(value);
                }
                batch.append(type.id());
                batch.append(type.callCharge());
                batch.append(type.tokenFactor());
                batch.endRow();
            }
        }
        List<ChargeType> added = new ArrayList<>();
        java.util.Set<Long> known = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT charge_type_id FROM charge_types WHERE charge_type_id IN (SELECT charge_type_id FROM batch_charge_types)")) {
            while (rows.next()) {
                known.add(rows.getLong(1));
            }
        }
        for (ChargeType type : chargeTypes) {
            if (!known.contains(type.id())) {
                added.add(type);
            }
        }
        try (DuckDBAppender store = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "charge_types")) {
            for (ChargeType type : added) {
                UsageTypeInfo usage = type.usage();
                store.beginRow();
                store.append(type.id());
                for (String value : List.of(type.payerAccountId(), type.invoiceId(), type.billingEntity(), type.lineItemType(), type.productCode(),
                        type.service(), type.usageType(), type.operation(), type.effectiveRegion(), type.pricingUnit(), type.currency(), type.model(),
                        usage.tokenType().name(), usage.pricingModel().name(), usage.category().name())) {
                    store.append(value);
                }
                store.append(type.tokenFactor());
                store.endRow();
            }
        }
    }

    private static void identifyTagSets(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE batch_tag_sets AS
                    SELECT tags_hash, tags, %s AS tag_set_id
                    FROM (SELECT tags_hash, any_value(tags) AS tags FROM batch_keys GROUP BY tags_hash)""".formatted(CANONICAL_TAGS));
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
        // Each key's charge type and tag set, joined once: left to itself, the optimiser joins the
        // charge types to the allocations on call_charge first (millions of rows for thousands of keys).
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE batch_typed_keys AS
                    SELECT k.key_hash, k.principal, t.tag_set_id, c.call_charge, c.charge_type_id, c.token_factor
                    FROM batch_keys k
                    JOIN batch_tag_sets t USING (tags_hash)
                    JOIN batch_charge_types c USING (%s)""".formatted(CHARGE_COLUMNS));
        }
        List<AllocationKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT principal, tag_set_id, call_charge FROM batch_typed_keys")) {
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
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE TEMP TABLE batch_key_ids AS
                    SELECT DISTINCT k.key_hash, k.charge_type_id, a.allocation_id, k.token_factor
                    FROM batch_typed_keys k JOIN batch_allocations a USING (principal, tag_set_id, call_charge)""");
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO allocation_keys
                SELECT allocation_id, principal, tag_set_id, call_charge FROM batch_allocations
                WHERE allocation_id NOT IN (SELECT allocation_id FROM allocation_keys)""")) {
            statement.executeUpdate();
        }
    }
}
