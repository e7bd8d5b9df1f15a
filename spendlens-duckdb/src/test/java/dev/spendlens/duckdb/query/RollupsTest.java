package dev.spendlens.duckdb.query;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.Rollups;
import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.TestStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-month and owner-only questions read the rollups; they must give exactly what the days give. */
class RollupsTest {
    private static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    private static final String JANE = "arn:aws:sts::222222222222:assumed-role/BedrockAnalysts/jane@acme.example";
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));
    private static final TimePeriod JULY_AUGUST = new TimePeriod(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-01"));

    @TempDir
    Path folder;
    TestStore store;

    /*
     * day        | principal | team   | resource | cost
     * 2026-07-01 | alice     | search | r1       |  1.25
     * 2026-07-02 | alice     | search | r1       |  2.50
     * 2026-07-31 | jane      | ml     | r1       |  4.00
     * 2026-08-01 | jane      | ml     | r1       |  8.10
     * 2026-08-02 | (none)    | -      | -        | 16.00
     */
    @BeforeEach
    void ingest() {
        store = new TestStore(folder);
        store.ingest(CurFixture.cur2Parquet(folder.resolve("export.parquet"), List.of(
                line().at("2026-07-01T09:00").principal(ALICE).tag("iamPrincipal/team", "search").resource("r1").cost("1.25"),
                line().at("2026-07-02T09:00").principal(ALICE).tag("iamPrincipal/team", "search").resource("r1").cost("2.50"),
                line().at("2026-07-31T23:00").principal(JANE).tag("iamPrincipal/team", "ml").resource("r1").cost("4.00"),
                line().period("2026-08").at("2026-08-01T10:00").principal(JANE).tag("iamPrincipal/team", "ml").resource("r1").cost("8.10"),
                line().period("2026-08").at("2026-08-02T00:00").noPrincipal().usageType("USE1-NovaPro-ProvisionedThroughput-ModelUnits").pricingUnit("").cost("16.00"))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Map<String, BigDecimal> monthlySums(Granularity granularity, String key) {
        return sums(new CostQueryEngine(store.store(), TestStore.CLOCK), granularity, key, true);
    }

    private Map<String, BigDecimal> daySums(String key) {
        return sums(new CostQueryEngine(store.store(), TestStore.CLOCK), Granularity.DAILY, key, false);
    }

    private Map<String, BigDecimal> plainDaySums(String key) {
        return sums(CostQueryEngine.plain(store.store(), TestStore.CLOCK), Granularity.DAILY, key, false);
    }

    // Group sums by bucket (its month when byMonth) and key.
    private static Map<String, BigDecimal> sums(CostQueryEngine engine, Granularity granularity, String key, boolean byMonth) {
        CostResult result = engine.run(new CostQuery(JULY_AUGUST, granularity, List.of(Metric.UNBLENDED_COST), List.of(FIELDS.parse(key)), Optional.empty()));
        Map<String, BigDecimal> sums = new HashMap<>();
        for (ResultByTime bucket : result.resultsByTime()) {
            for (CostGroup group : bucket.groups()) {
                String when = byMonth ? YearMonth.from(bucket.start()).toString() : bucket.start().toLocalDate().toString();
                sums.merge(when + "|" + group.keys().get(0), group.metrics().get(Metric.UNBLENDED_COST).amount(), BigDecimal::add);
            }
        }
        return sums;
    }

    @Test
    void holdsFewerRowsThatSumToTheDaysExactly() throws Exception {
        try (Connection connection = store.store().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM cost_monthly), (SELECT count(*) FROM cost_daily),
                               (SELECT sum(unblended_cost) FROM cost_monthly), (SELECT sum(line_items) FROM cost_monthly), (SELECT sum(line_items) FROM cost_daily),
                               (SELECT sum(unblended_cost) FROM cost_monthly_owners), (SELECT count(*) FROM cost_monthly_owners),
                               (SELECT sum(unblended_cost) FROM cost_daily_owners), (SELECT sum(line_items) FROM cost_daily_owners), (SELECT count(*) FROM cost_daily_owners)""")) {
            rows.next();
            assertThat(rows.getLong(1)).isLessThan(rows.getLong(2));
            assertThat(rows.getBigDecimal(3)).isEqualByComparingTo(store.dailyTotal());
            assertThat(rows.getLong(4)).isEqualTo(rows.getLong(5));
            assertThat(rows.getBigDecimal(6)).isEqualByComparingTo(store.dailyTotal());
            assertThat(rows.getLong(7)).isLessThanOrEqualTo(rows.getLong(1));
            assertThat(rows.getBigDecimal(8)).isEqualByComparingTo(store.dailyTotal());
            assertThat(rows.getLong(9)).isEqualTo(rows.getLong(5));
            assertThat(rows.getLong(10)).isLessThanOrEqualTo(rows.getLong(2));
            assertThat(Rollups.isFresh(connection)).isTrue();
        }
    }

    @Test
    void wholeMonthQueriesGiveWhatTheDaysGive() {
        for (String key : List.of("team", "PRINCIPAL", "RESOURCE_ID", "MODEL", "LINKED_ACCOUNT_NAME", "TAG:iamPrincipal/team")) {
            assertThat(monthlySums(Granularity.MONTHLY, key)).as(key).isEqualTo(monthlySums(Granularity.DAILY, key));
            assertThat(sums(CostQueryEngine.plain(store.store(), TestStore.CLOCK), Granularity.DAILY, key, true)).as(key).isEqualTo(monthlySums(Granularity.MONTHLY, key));
            assertThat(daySums(key)).as(key).isEqualTo(plainDaySums(key));
        }
        TagCatalog.Result tags = new TagCatalog(store.store()).find(JULY_AUGUST, Optional.empty(), Optional.empty(), new PageRequest(0, 10));
        assertThat(tags.keyTotals()).containsEntry("iamPrincipal/team", new BigDecimal("15.8500000000"));
        assertThat(tags.periodTotal()).isEqualByComparingTo(store.dailyTotal());
        Page<ValueSpend> principals = new DimensionValues(store.store()).find(FIELDS.parse("PRINCIPAL"), JULY_AUGUST, Optional.empty(), new PageRequest(0, 10));
        assertThat(principals.items()).extracting(ValueSpend::unblendedCost).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("16"), new BigDecimal("12.1"), new BigDecimal("3.75"));
    }

    @Test
    void aRestatedPeriodRebuildsTheRollup() throws Exception {
        store.ingest(CurFixture.cur2Parquet(folder.resolve("august-again.parquet"), List.of(
                line().period("2026-08").at("2026-08-01T10:00").principal(JANE).tag("iamPrincipal/team", "ml").resource("r1").cost("9.00"))));

        assertThat(monthlySums(Granularity.MONTHLY, "team")).containsEntry("2026-08|ml", new BigDecimal("9.0000000000")).doesNotContainKey("2026-08|__unattributed_no_caller__");
        try (Connection connection = store.store().connect()) {
            assertThat(Rollups.isFresh(connection)).isTrue();
        }
    }

    @Test
    void aStaleRollupIsNeverRead() throws Exception {
        try (Connection connection = store.store().connect(); Statement statement = connection.createStatement()) {
            // Simulate a store whose rollup no longer matches: double its amounts and forget its fingerprint.
            statement.execute("UPDATE cost_monthly SET unblended_cost = unblended_cost * 2");
            statement.execute("UPDATE cost_daily_owners SET unblended_cost = unblended_cost * 2");
            statement.execute("DELETE FROM store_meta WHERE meta_key = 'rollup_fingerprint'");
            assertThat(Rollups.isFresh(connection)).isFalse();
        }
        // As when a store is opened whose rollups were left stale: the state is read again.
        store.store().changed();
        assertThat(daySums("team")).isEqualTo(plainDaySums("team"));

        assertThat(monthlySums(Granularity.MONTHLY, "team")).isEqualTo(monthlySums(Granularity.DAILY, "team"));
        try (Connection connection = store.store().connect()) {
            Rollups.synchronize(connection);
            assertThat(Rollups.isFresh(connection)).isTrue();
        }
        store.store().changed();
        assertThat(store.store().state().rollupsFresh()).isTrue();
        assertThat(monthlySums(Granularity.MONTHLY, "team")).isEqualTo(monthlySums(Granularity.DAILY, "team"));
    }
}
