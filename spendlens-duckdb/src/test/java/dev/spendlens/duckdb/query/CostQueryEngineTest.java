package dev.spendlens.duckdb.query;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.PrincipalPattern;
import dev.spendlens.allocation.PrincipalRule;
import dev.spendlens.allocation.PeopleDirectory;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.MatchOption;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.TestStore;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostQueryEngineTest {
    private static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    private static final String JANE = "arn:aws:sts::222222222222:assumed-role/BedrockAnalysts/jane@acme.example";
    private static final String BOB = "arn:aws:sts::222222222222:assumed-role/BedrockAnalysts/bob@acme.example";
    private static final String BOT = "arn:aws:sts::333333333333:assumed-role/SupportBotRole/lambda-1";
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));

    @TempDir
    Path folder;
    TestStore store;
    CostQueryEngine engine;

    /*
     * day        | principal | team tag             | model      | cost
     * 2026-07-01 | alice     | iamPrincipal search  | NovaLite   | 1.00
     * 2026-07-01 | jane      | iamPrincipal ml      | NovaPro    | 2.00
     * 2026-07-02 | bob       | (none)               | NovaPro    | 4.00
     * 2026-07-31 | bot       | resourceTags support | NovaLite   | 8.00
     * 2026-08-01 | alice     | iamPrincipal search  | NovaLite   | 16.00
     * 2026-08-02 | (none)    | (none), provisioned  | -          | 32.00
     */
    @BeforeEach
    void ingest() {
        store = new TestStore(folder);
        store.ingest(CurFixture.cur2Parquet(folder.resolve("export.parquet"), List.of(
                line().at("2026-07-01T09:00").principal(ALICE).tag("iamPrincipal/team", "search").cost("1.00"),
                line().at("2026-07-01T10:00").principal(JANE).tag("iamPrincipal/team", "ml").usageType("USE1-NovaPro-output-tokens").cost("2.00"),
                line().at("2026-07-02T10:00").principal(BOB).usageType("USE1-NovaPro-input-tokens").cost("4.00"),
                line().at("2026-07-31T23:00").principal(BOT).account("333333333333").tag("resourceTags/team", "support").cost("8.00"),
                line().period("2026-08").at("2026-08-01T10:00").principal(ALICE).tag("iamPrincipal/team", "search").cost("16.00"),
                line().period("2026-08").at("2026-08-02T00:00").noPrincipal().usageType("USE1-NovaPro-ProvisionedThroughput-ModelUnits").pricingUnit("").cost("32.00"))));
        engine = new CostQueryEngine(store.store(), TestStore.CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static CostQuery query(Granularity granularity, List<Field> groupBy, Optional<Expression> filter) {
        return new CostQuery(new TimePeriod(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-01")), granularity, List.of(Metric.UNBLENDED_COST), groupBy, filter);
    }

    private static Map<String, BigDecimal> groups(ResultByTime result) {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        for (CostGroup group : result.groups()) {
            groups.put(String.join("|", group.keys()), group.metrics().get(Metric.UNBLENDED_COST).amount());
        }
        return groups;
    }

    @Test
    void groupsMonthsByTeamWithExplicitBuckets() {
        CostResult result = engine.run(query(Granularity.MONTHLY, List.of(FIELDS.parse("team")), Optional.empty()));

        assertThat(result.resultsByTime()).hasSize(2);
        ResultByTime july = result.resultsByTime().get(0);
        assertThat(july.total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("15.00");
        assertThat(july.total().get(Metric.UNBLENDED_COST).unit()).isEqualTo("USD");
        assertThat(groups(july)).containsExactly(
                Map.entry("support", new BigDecimal("8.0000000000")),
                Map.entry("__unallocated__", new BigDecimal("4.0000000000")),
                Map.entry("ml", new BigDecimal("2.0000000000")),
                Map.entry("search", new BigDecimal("1.0000000000")));
        assertThat(groups(result.resultsByTime().get(1))).containsOnlyKeys("__unattributed_no_caller__", "search");
    }

    @Test
    void everyGroupingSumsToTheSameTotalExactly() {
        BigDecimal total = store.dailyTotal();
        for (String key : List.of("team", "PRINCIPAL", "PRINCIPAL_TYPE", "ROLE", "PERSON", "LINKED_ACCOUNT", "LINKED_ACCOUNT_NAME", "REGION", "MODEL",
                "TOKEN_TYPE", "PRICING_MODEL", "USAGE_TYPE", "OPERATION", "RECORD_TYPE", "SERVICE", "TAG:iamPrincipal/team", "TAG:resourceTags/team")) {
            CostResult result = engine.run(query(Granularity.DAILY, List.of(FIELDS.parse(key)), Optional.empty()));
            BigDecimal grouped = result.resultsByTime().stream().flatMap(bucket -> bucket.groups().stream())
                    .map(group -> group.metrics().get(Metric.UNBLENDED_COST).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(grouped).as("grouped by %s", key).isEqualByComparingTo(total);
        }
    }

    @Test
    void groupsByPersonBehindASharedFederatedRole() {
        CostResult result = engine.run(query(Granularity.MONTHLY, List.of(FIELDS.parse("ROLE"), FIELDS.parse("PERSON")), Optional.empty()));

        assertThat(groups(result.resultsByTime().get(0)))
                .containsEntry("BedrockAnalysts|bob@acme.example", new BigDecimal("4.0000000000"))
                .containsEntry("BedrockAnalysts|jane@acme.example", new BigDecimal("2.0000000000"))
                .containsEntry("__none__|alice", new BigDecimal("1.0000000000"));
    }

    @Test
    void filtersWithCostExplorerExpressions() {
        Expression team = new Expression.Match(FIELDS.parse("team"), List.of("search", "ml"), Set.of());
        Expression notNovaPro = new Expression.Not(new Expression.Match(FIELDS.dimension("MODEL"), List.of("novapro"), Set.of(MatchOption.CASE_INSENSITIVE)));
        CostResult result = engine.run(query(Granularity.MONTHLY, List.of(), Optional.of(new Expression.And(List.of(team, notNovaPro)))));

        assertThat(result.resultsByTime().get(0).total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("1.00");
        assertThat(result.resultsByTime().get(1).total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("16.00");
    }

    @Test
    void matchesAbsentTagsAndPrefixes() {
        Expression untagged = new Expression.Match(FIELDS.tag("iamPrincipal/team"), List.of(), Set.of(MatchOption.ABSENT));
        Expression analysts = new Expression.Match(FIELDS.dimension("ROLE"), List.of("Bedrock"), Set.of(MatchOption.STARTS_WITH));
        CostResult absent = engine.run(query(Granularity.MONTHLY, List.of(), Optional.of(untagged)));
        CostResult prefixed = engine.run(query(Granularity.MONTHLY, List.of(), Optional.of(analysts)));

        assertThat(absent.resultsByTime().get(0).total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("12.00");
        assertThat(prefixed.resultsByTime().get(0).total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("6.00");
    }

    @Test
    void hostileTagKeysAndValuesNeverReachSqlUnquoted() {
        String hostile = "iamPrincipal/team') OR 1=1; DROP TABLE cost_daily; --";
        Expression filter = new Expression.Match(FIELDS.tag(hostile), List.of("x' OR '1'='1"), Set.of());
        CostResult result = engine.run(query(Granularity.MONTHLY, List.of(FIELDS.tag(hostile)), Optional.of(filter)));

        assertThat(result.resultsByTime()).allSatisfy(bucket -> assertThat(bucket.total().get(Metric.UNBLENDED_COST).amount()).isZero());
        assertThat(store.dailyTotal()).isEqualByComparingTo("63.00");
    }

    @Test
    void endIsExclusiveAndEmptyDaysAreListed() {
        CostQuery firstTwoDays = new CostQuery(new TimePeriod(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-04")), Granularity.DAILY,
                List.of(Metric.UNBLENDED_COST), List.of(), Optional.empty());
        List<ResultByTime> days = engine.run(firstTwoDays).resultsByTime();

        assertThat(days).extracting(day -> day.start().toLocalDate().toString()).containsExactly("2026-07-01", "2026-07-02", "2026-07-03");
        assertThat(days).extracting(day -> day.total().get(Metric.UNBLENDED_COST).amount().stripTrailingZeros().toPlainString()).containsExactly("3", "4", "0");
    }

    @Test
    void hourlyQueriesReadHourlyFacts() {
        CostQuery hours = new CostQuery(new TimePeriod(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-02")), Granularity.HOURLY,
                List.of(Metric.UNBLENDED_COST), List.of(), Optional.empty());
        List<ResultByTime> result = engine.run(hours).resultsByTime();

        assertThat(result).hasSize(24);
        assertThat(result.get(9).total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("1.00");
        assertThat(result.get(10).total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("2.00");
    }

    @Test
    void paginatesGroupsByTheirTotal() {
        CostQuery byPrincipal = query(Granularity.MONTHLY, List.of(FIELDS.parse("PRINCIPAL")), Optional.empty());
        CostResult first = engine.run(byPrincipal, Optional.of(new PageRequest(0, 2)));
        CostResult second = engine.run(byPrincipal, Optional.of(PageRequest.of(first.nextPageToken(), 2)));
        CostResult third = engine.run(byPrincipal, Optional.of(PageRequest.of(second.nextPageToken(), 2)));

        assertThat(first.resultsByTime().stream().flatMap(bucket -> bucket.groups().stream()).map(group -> group.keys().get(0)).distinct())
                .containsExactlyInAnyOrder("__unattributed_no_caller__", ALICE);
        assertThat(second.resultsByTime().stream().flatMap(bucket -> bucket.groups().stream()).map(group -> group.keys().get(0)).distinct())
                .containsExactlyInAnyOrder(BOT, BOB);
        assertThat(third.nextPageToken()).isEmpty();
        assertThat(third.resultsByTime().get(0).total().get(Metric.UNBLENDED_COST).amount()).isEqualByComparingTo("15.00");
    }

    @Test
    void groupsWithEqualTotalsAreRankedByTheirKeysInCodePointOrderOnEveryPage() {
        // Equal spend on four project tags: U+FF21 sorts before an emoji by code point (and in DuckDB), after it in UTF-16.
        store.ingest(CurFixture.cur2Parquet(folder.resolve("september.parquet"), List.of(
                line().period("2026-09").at("2026-09-01T09:00").principal(ALICE).tag("iamPrincipal/project", "\uD83D\uDE00").cost("5.00"),
                line().period("2026-09").at("2026-09-01T10:00").principal(JANE).tag("iamPrincipal/project", "\uFF21").cost("5.00"),
                line().period("2026-09").at("2026-09-02T10:00").principal(BOB).tag("iamPrincipal/project", "b").cost("5.00"),
                line().period("2026-09").at("2026-09-02T11:00").principal(BOT).tag("iamPrincipal/project", "a").cost("5.00"))));
        CostQuery byProject = new CostQuery(new TimePeriod(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-01")), Granularity.DAILY,
                List.of(Metric.UNBLENDED_COST), List.of(FIELDS.parse("TAG:iamPrincipal/project")), Optional.empty());
        CostQueryEngine plain = CostQueryEngine.plain(store.store(), TestStore.CLOCK);

        List<String> ranked = new java.util.ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            CostResult page = engine.run(byProject, Optional.of(PageRequest.of(token, 1)));
            assertThat(page).isEqualTo(plain.run(byProject, Optional.of(PageRequest.of(token, 1))));
            page.resultsByTime().forEach(day -> day.groups().forEach(group -> ranked.add(group.keys().get(0))));
            token = page.nextPageToken();
        } while (token.isPresent());

        assertThat(ranked).containsExactly("a", "b", "\uFF21", "\uD83D\uDE00");
    }

    @Test
    void changedRulesReallocateHistoryWithoutReingesting() throws Exception {
        PrincipalRule analysts = new PrincipalRule("analysts", Optional.of(PrincipalPattern.of("*:assumed-role/BedrockAnalysts/*")), Optional.empty(), Map.of("team", "analytics"));
        AllocationPolicy withRule = AllocationPolicy.defaults().withRules(List.of(analysts), PeopleDirectory.empty());
        try (Connection connection = store.store().connect()) {
            AllocationTable.synchronize(connection, new dev.spendlens.allocation.Allocator(withRule));
        }
        CostResult result = engine.run(query(Granularity.MONTHLY, List.of(FIELDS.parse("team")), Optional.empty()));

        // jane keeps her tag (tags win over rules); bob, untagged, now belongs to analytics.
        assertThat(groups(result.resultsByTime().get(0))).containsEntry("analytics", new BigDecimal("4.0000000000")).containsEntry("ml", new BigDecimal("2.0000000000"))
                .doesNotContainKey("__unallocated__");
        // The label rollups were rebuilt with the allocations, in the same transaction: still read, still equal to the days.
        store.store().changed();
        assertThat(store.store().state().labelsFresh()).isTrue();
        assertThat(result).isEqualTo(CostQueryEngine.plain(store.store(), TestStore.CLOCK).run(query(Granularity.MONTHLY, List.of(FIELDS.parse("team")), Optional.empty())));
    }

    @Test
    void unknownDimensionsAreRefusedByName() {
        assertThatThrownBy(() -> FIELDS.parse("TEAMS")).isInstanceOf(SpendlensException.class).hasMessageContaining("unknown dimension 'TEAMS'");
    }

    @Test
    void hourlyOnADailyExportIsRefused() {
        store.ingest(CurFixture.cur2Parquet(folder.resolve("sept.parquet"), List.of(line().period("2026-09").at("2026-09-01T00:00").principal(ALICE).cost("1"))));
        CostQuery hours = new CostQuery(new TimePeriod(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-02")), Granularity.HOURLY,
                List.of(Metric.UNBLENDED_COST), List.of(), Optional.empty());

        assertThatThrownBy(() -> engine.run(hours)).isInstanceOf(SpendlensException.class).hasMessageContaining("2026-09 were delivered daily");
    }
}
