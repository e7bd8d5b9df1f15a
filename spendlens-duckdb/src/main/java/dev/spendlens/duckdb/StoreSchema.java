package dev.spendlens.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables. Documented in docs/schema.md; keep the two in step.
 *
 * <p>There are no primary-key constraints: DuckDB checks them eagerly inside a transaction, and a
 * restated billing period deletes and re-inserts the same keys in one transaction. Uniqueness is
 * kept by the ingester instead.
 */
final class StoreSchema {
    // 2: facts reference charge_types (narrow numeric fact rows).
    static final int VERSION = 2;

    private static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS store_meta (
                meta_key VARCHAR NOT NULL,
                meta_value VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS ingestions (
                ingestion_id BIGINT NOT NULL,
                started_at TIMESTAMP NOT NULL,
                finished_at TIMESTAMP NOT NULL,
                sources VARCHAR NOT NULL,
                files INTEGER NOT NULL,
                rows_read BIGINT NOT NULL,
                bedrock_rows BIGINT NOT NULL,
                periods VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS billing_periods (
                payer_account_id VARCHAR NOT NULL,
                billing_period DATE NOT NULL,
                granularity VARCHAR NOT NULL,
                currency VARCHAR NOT NULL,
                ingestion_id BIGINT NOT NULL,
                ingested_at TIMESTAMP NOT NULL,
                files VARCHAR NOT NULL,
                line_items BIGINT NOT NULL,
                unblended_cost DECIMAL(38,10) NOT NULL,
                net_unblended_cost DECIMAL(38,10) NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS period_deliveries (
                payer_account_id VARCHAR NOT NULL,
                billing_period DATE NOT NULL,
                ingestion_id BIGINT NOT NULL,
                ingested_at TIMESTAMP NOT NULL,
                files VARCHAR NOT NULL,
                unblended_cost DECIMAL(38,10) NOT NULL,
                previous_unblended_cost DECIMAL(38,10))""",
            """
            CREATE TABLE IF NOT EXISTS accounts (
                account_id VARCHAR NOT NULL,
                account_name VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS tag_sets (
                tag_set_id VARCHAR NOT NULL,
                tag_key VARCHAR NOT NULL,
                tag_value VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS allocation_keys (
                allocation_id BIGINT NOT NULL,
                principal VARCHAR NOT NULL,
                tag_set_id VARCHAR NOT NULL,
                call_charge BOOLEAN NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS charge_types (
                charge_type_id BIGINT NOT NULL,
                payer_account_id VARCHAR NOT NULL,
                invoice_id VARCHAR NOT NULL,
                billing_entity VARCHAR NOT NULL,
                line_item_type VARCHAR NOT NULL,
                product_code VARCHAR NOT NULL,
                service VARCHAR NOT NULL,
                usage_type VARCHAR NOT NULL,
                operation VARCHAR NOT NULL,
                region VARCHAR NOT NULL,
                pricing_unit VARCHAR NOT NULL,
                currency VARCHAR NOT NULL,
                model VARCHAR NOT NULL,
                token_type VARCHAR NOT NULL,
                pricing_model VARCHAR NOT NULL,
                usage_category VARCHAR NOT NULL,
                tokens_per_unit DECIMAL(18,0) NOT NULL)""",
            facts("cost_daily", "usage_date DATE"),
            facts("cost_monthly", "usage_date DATE"),
            summedBy("cost_monthly_owners", "allocation_id"),
            summedBy("cost_daily_owners", "allocation_id"),
            // The label rollups (OwnerLabels): owner rollups summed per label set and per principal; owner_labels itself follows the allocations' columns.
            """
            CREATE TABLE IF NOT EXISTS owner_keys (
                allocation_id BIGINT NOT NULL,
                label_id BIGINT NOT NULL,
                principal_key BIGINT NOT NULL)""",
            summedBy("cost_monthly_labels", "label_id"),
            summedBy("cost_daily_labels", "label_id"),
            // Each principal's spend per month, ranked without summing every principal (PrincipalRanking);
            // it replaced cost_monthly_principals, which a store of an earlier build may still hold.
            "DROP TABLE IF EXISTS cost_monthly_principals",
            """
            CREATE TABLE IF NOT EXISTS principal_months (
                billing_period DATE NOT NULL,
                usage_date DATE NOT NULL,
                principal_key BIGINT NOT NULL,
                principal VARCHAR NOT NULL,
                unblended_cost DECIMAL(38,10) NOT NULL,
                rank_cost DOUBLE NOT NULL,
                spend_bound DOUBLE NOT NULL,
                previous_usage_date DATE)""",
            facts("cost_hourly", "usage_hour TIMESTAMP"),
            // Alerts (spendlens-alerts): the latest revision of each alert, what each channel was told, the outbox, every attempt.
            """
            CREATE TABLE IF NOT EXISTS alerts (
                alert_key VARCHAR NOT NULL,
                source VARCHAR NOT NULL,
                scope VARCHAR NOT NULL,
                title VARCHAR NOT NULL,
                severity VARCHAR NOT NULL,
                summary VARCHAR NOT NULL,
                owner VARCHAR,
                amount DECIMAL(38,10) NOT NULL,
                percent DECIMAL(38,10),
                currency VARCHAR NOT NULL,
                link VARCHAR,
                observed_at TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS alert_fields (
                alert_key VARCHAR NOT NULL,
                position INTEGER NOT NULL,
                field_name VARCHAR NOT NULL,
                field_value VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS alert_sent (
                channel VARCHAR NOT NULL,
                alert_key VARCHAR NOT NULL,
                amount DECIMAL(38,10) NOT NULL,
                severity VARCHAR NOT NULL,
                sent_at TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS alert_outbox (
                channel VARCHAR NOT NULL,
                frequency VARCHAR NOT NULL,
                alert_key VARCHAR NOT NULL,
                queued_at TIMESTAMP NOT NULL)""",
            "CREATE SEQUENCE IF NOT EXISTS alert_delivery_ids",
            """
            CREATE TABLE IF NOT EXISTS alert_deliveries (
                delivery_id BIGINT NOT NULL DEFAULT nextval('alert_delivery_ids'),
                channel VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                frequency VARCHAR NOT NULL,
                alert_keys VARCHAR NOT NULL,
                attempt INTEGER NOT NULL,
                attempted_at TIMESTAMP NOT NULL,
                outcome VARCHAR NOT NULL,
                error VARCHAR)""",
            // Anomaly detection: monitors created through the API, every anomaly found, and its root cause.
            """
            CREATE TABLE IF NOT EXISTS anomaly_monitors (
                name VARCHAR NOT NULL,
                dimension VARCHAR,
                filter_json VARCHAR,
                hourly BOOLEAN NOT NULL,
                created_at TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS anomalies (
                anomaly_id VARCHAR NOT NULL,
                monitor VARCHAR NOT NULL,
                granularity VARCHAR NOT NULL,
                series_key VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                start_at TIMESTAMP NOT NULL,
                end_at TIMESTAMP NOT NULL,
                ongoing BOOLEAN NOT NULL,
                expected DECIMAL(38,10) NOT NULL,
                actual DECIMAL(38,10) NOT NULL,
                score DOUBLE NOT NULL,
                score_meaning VARCHAR NOT NULL,
                explanation VARCHAR NOT NULL,
                owner VARCHAR,
                detected_at TIMESTAMP NOT NULL,
                updated_at TIMESTAMP NOT NULL,
                suppressed VARCHAR,
                feedback VARCHAR,
                feedback_note VARCHAR,
                feedback_at TIMESTAMP)""",
            """
            CREATE TABLE IF NOT EXISTS anomaly_root_causes (
                anomaly_id VARCHAR NOT NULL,
                rank INTEGER NOT NULL,
                principal VARCHAR NOT NULL,
                model VARCHAR NOT NULL,
                token_type VARCHAR NOT NULL,
                account VARCHAR NOT NULL,
                expected DECIMAL(38,10) NOT NULL,
                actual DECIMAL(38,10) NOT NULL)""",
            // Chargeback: what was closed, so that a closed month never changes silently (ChargebackClosings).
            """
            CREATE TABLE IF NOT EXISTS chargeback_closings (
                month DATE NOT NULL,
                dimension VARCHAR NOT NULL,
                currency VARCHAR NOT NULL,
                closed_at TIMESTAMP NOT NULL,
                rules VARCHAR NOT NULL,
                invoice_total DECIMAL(38,10) NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS chargeback_closed_lines (
                month DATE NOT NULL,
                dimension VARCHAR NOT NULL,
                line_number INTEGER NOT NULL,
                owner VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                team VARCHAR NOT NULL,
                principal VARCHAR NOT NULL,
                model VARCHAR NOT NULL,
                source VARCHAR NOT NULL,
                detail VARCHAR NOT NULL,
                adjusted_month DATE,
                tokens DECIMAL(38,10) NOT NULL,
                usage_amount DECIMAL(38,10) NOT NULL,
                amount DECIMAL(38,10) NOT NULL,
                rounded_amount DECIMAL(38,10) NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS chargeback_closed_invoices (
                month DATE NOT NULL,
                dimension VARCHAR NOT NULL,
                invoice_id VARCHAR NOT NULL,
                amount DECIMAL(38,10) NOT NULL,
                rounded_amount DECIMAL(38,10) NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS chargeback_closed_pools (
                month DATE NOT NULL,
                dimension VARCHAR NOT NULL,
                bucket VARCHAR NOT NULL,
                rule VARCHAR NOT NULL,
                category VARCHAR NOT NULL,
                amount DECIMAL(38,10) NOT NULL)""",
            // Budgets and the alerts already raised for them (BudgetRepository).
            """
            CREATE TABLE IF NOT EXISTS budgets (
                budget_id VARCHAR NOT NULL,
                definition VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                updated_at TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS budget_alerts (
                budget_id VARCHAR NOT NULL,
                period_start DATE NOT NULL,
                threshold VARCHAR NOT NULL,
                crossed_at TIMESTAMP NOT NULL,
                amount DECIMAL(38,10) NOT NULL,
                budget_amount DECIMAL(38,10) NOT NULL,
                currency VARCHAR NOT NULL,
                delivery VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS job_runs (
                job VARCHAR NOT NULL,
                run_trigger VARCHAR NOT NULL,
                started_at TIMESTAMP NOT NULL,
                finished_at TIMESTAMP NOT NULL,
                outcome VARCHAR NOT NULL,
                error_code VARCHAR,
                message VARCHAR NOT NULL,
                sources_fingerprint VARCHAR,
                ingestion_id BIGINT)""");

    private StoreSchema() {}

    // The five measures of every fact and rollup row: money and quantities summed exactly, and how many CUR lines they sum.
    private static final String MEASURES = """
            unblended_cost DECIMAL(38,10) NOT NULL,
            net_unblended_cost DECIMAL(38,10) NOT NULL,
            usage_amount DECIMAL(38,10) NOT NULL,
            tokens DECIMAL(38,10) NOT NULL,
            line_items BIGINT NOT NULL""";

    // A fact table (cost_hourly, cost_daily) or its monthly sum: one row per period, time bucket, account, resource, charge type and owner.
    private static String facts(String table, String timeColumn) {
        return """
                CREATE TABLE IF NOT EXISTS %s (
                billing_period DATE NOT NULL,
                %s NOT NULL,
                usage_account_id VARCHAR NOT NULL,
                resource_id VARCHAR NOT NULL,
                charge_type_id BIGINT NOT NULL,
                allocation_id BIGINT NOT NULL,
                %s)""".formatted(table, timeColumn, MEASURES);
    }

    // A rollup (Rollups, OwnerLabels): the five measures summed per billing period, day or month, and one owner key.
    private static String summedBy(String table, String key) {
        return """
                CREATE TABLE IF NOT EXISTS %s (
                billing_period DATE NOT NULL,
                usage_date DATE NOT NULL,
                %s BIGINT NOT NULL,
                %s)""".formatted(table, key, MEASURES);
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }
}
