package dev.spendlens.duckdb.query;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.spendlens.duckdb.testing.TestStore;
import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's shortcuts (rollups, ranking and pagination in SQL, the store state read once) give
 * exactly what the plain engine gives, which reads the days alone and ranks every group in Java:
 * same groups, same order, same amounts to the last decimal, same page tokens; on a generated
 * organisation whose agent sessions make hundreds of principals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortcutsTest {
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));

    TestStore store;
    CostQueryEngine engine;
    CostQueryEngine plain;
    TimePeriod months;

    @BeforeAll
    void ingest(@TempDir Path folder) {
        GenerationSummary generated = new ExportGenerator().generate(GeneratorOptions.defaults(folder.resolve("export")).withMonths(3).withPrincipals(24).withSeed(7)
                .withGranularity(ExportGranularity.DAILY), ignored -> {});
        List<ExportFile> files = generated.dataFiles().stream().map(path -> new ExportFile(path, FileType.PARQUET, path.toString(), Optional.empty())).toList();
        store = new TestStore(folder);
        store.ingestBatches(List.of(files));
        engine = new CostQueryEngine(store.store(), TestStore.CLOCK);
        plain = CostQueryEngine.plain(store.store(), TestStore.CLOCK);
        months = new TimePeriod(generated.periods().get(0).atDay(1), generated.periods().get(generated.periods().size() - 1).plusMonths(1).atDay(1));
        assertThat(store.store().state().rollupsFresh()).isTrue();
    }

    @AfterAll
    void close() {
        store.close();
    }

    private List<CostQuery> questions() {
        LocalDate lastMonth = months.end().minusMonths(1);
        TimePeriod midMonth = new TimePeriod(months.start().plusDays(10), months.end().minusDays(5));
        Expression biggestTeam = new Expression.Match(FIELDS.parse("team"), List.of(biggestTeam()), Set.of());
        Expression notTokens = new Expression.Not(new Expression.Match(FIELDS.parse("TOKEN_TYPE"), List.of("input"), Set.of(MatchOption.CONTAINS)));
        List<Metric> costAndTokens = List.of(Metric.UNBLENDED_COST, Metric.TOKENS, Metric.NET_UNBLENDED_COST);
        return List.of(
                query(months, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of("team"), Optional.empty()),
                query(months, Granularity.MONTHLY, costAndTokens, List.of("PRINCIPAL"), Optional.empty()),
                query(months, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of("team", "MODEL"), Optional.empty()),
                query(months, Granularity.MONTHLY, List.of(Metric.USAGE_QUANTITY, Metric.UNBLENDED_COST), List.of("TAG:iamPrincipal/team", "ROLE"), Optional.of(notTokens)),
                query(new TimePeriod(lastMonth, months.end()), Granularity.DAILY, List.of(Metric.UNBLENDED_COST), List.of("PRINCIPAL"), Optional.of(biggestTeam)),
                query(months, Granularity.DAILY, costAndTokens, List.of("PERSON", "PRINCIPAL_TYPE"), Optional.empty()),
                query(months, Granularity.DAILY, List.of(Metric.UNBLENDED_COST), List.of("LINKED_ACCOUNT_NAME", "PRINCIPAL"), Optional.empty()),
                query(midMonth, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of("PRINCIPAL"), Optional.of(new Expression.Not(biggestTeam))),
                query(midMonth, Granularity.DAILY, List.of(Metric.UNBLENDED_COST), List.of(), Optional.empty()),
                // Filters on fields no owner rollup holds: these fall back to cost_monthly or cost_daily.
                query(months, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of("team"), Optional.of(topValueOf("MODEL"))),
                query(months, Granularity.DAILY, List.of(Metric.UNBLENDED_COST), List.of("PERSON"), Optional.of(topValueOf("LINKED_ACCOUNT"))),
                query(new TimePeriod(lastMonth, months.end()), Granularity.DAILY, List.of(Metric.UNBLENDED_COST), List.of("team"), Optional.of(topValueOf("RESOURCE_ID"))),
                // A filter on the principal keeps the owner rollups but not the label rollups.
                query(months, Granularity.MONTHLY, costAndTokens, List.of("team", "TAG:iamPrincipal/project"), Optional.of(topValueOf("PRINCIPAL"))));
    }

    private static CostQuery query(TimePeriod period, Granularity granularity, List<Metric> metrics, List<String> keys, Optional<Expression> filter) {
        List<Field> fields = keys.stream().map(FIELDS::parse).toList();
        return new CostQuery(period, granularity, metrics, fields, filter);
    }

    // Matches the field's biggest value over the whole period.
    private Expression topValueOf(String key) {
        String top = new DimensionValues(store.store()).find(FIELDS.parse(key), months, Optional.empty(), new PageRequest(0, 1)).items().get(0).value();
        return new Expression.Match(FIELDS.parse(key), List.of(top), Set.of());
    }

    private String biggestTeam() {
        return new DimensionValues(store.store()).find(FIELDS.parse("team"), months, Optional.empty(), new PageRequest(0, 10)).items().stream()
                .map(ValueSpend::value).filter(team -> !team.startsWith("__")).findFirst().orElseThrow();
    }

    @Test
    void everyPageEqualsThePlainEnginesPage() {
        for (CostQuery question : questions()) {
            for (int size : List.of(1, 7, 500)) {
                Optional<String> token = Optional.empty();
                int pages = 0;
                do {
                    PageRequest page = PageRequest.of(token, size);
                    CostResult fast = engine.run(question, Optional.of(page));
                    assertThat(fast).as("%s, page %d of size %d", describe(question), pages, size).isEqualTo(plain.run(question, Optional.of(page)));
                    token = fast.nextPageToken();
                    pages++;
                } while (token.isPresent() && pages < 12);
            }
            assertThat(engine.run(question)).as(describe(question)).isEqualTo(plain.run(question));
        }
    }

    @Test
    void thePagesTogetherHoldEveryGroupOnceAndSumToEachBucketsTotal() {
        CostQuery byPrincipal = query(months, Granularity.DAILY, List.of(Metric.UNBLENDED_COST), List.of("PRINCIPAL"), Optional.empty());
        CostResult whole = plain.run(byPrincipal);
        long groups = whole.resultsByTime().stream().flatMap(bucket -> bucket.groups().stream()).map(CostGroup::keys).distinct().count();
        assertThat(groups).as("principals, agent sessions included").isGreaterThan(100);

        List<CostResult> pages = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            CostResult page = engine.run(byPrincipal, Optional.of(PageRequest.of(token, 40)));
            pages.add(page);
            token = page.nextPageToken();
        } while (token.isPresent());

        assertThat(pages).hasSize((int) Math.ceil(groups / 40.0));
        assertThat(pages.stream().flatMap(page -> page.resultsByTime().stream()).flatMap(bucket -> bucket.groups().stream()).map(CostGroup::keys).distinct().count())
                .isEqualTo(groups);
        for (int day = 0; day < whole.resultsByTime().size(); day++) {
            BigDecimal total = whole.resultsByTime().get(day).total().get(Metric.UNBLENDED_COST).amount();
            BigDecimal paged = BigDecimal.ZERO;
            for (CostResult page : pages) {
                ResultByTime bucket = page.resultsByTime().get(day);
                assertThat(bucket.total().get(Metric.UNBLENDED_COST).amount()).isEqualTo(total);
                paged = paged.add(bucket.groups().stream().map(group -> group.metrics().get(Metric.UNBLENDED_COST).amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            assertThat(paged).as("day %d", day).isEqualByComparingTo(total);
        }
        assertThat(whole.resultsByTime().stream().map(bucket -> bucket.total().get(Metric.UNBLENDED_COST).amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(store.dailyTotal());
    }

    @Test
    void dimensionValuesRankAsThePlainEngineRanksGroups() {
        // Whole months read the principal rollups: the whole store, and periods that principals spending in other months straddle.
        List<TimePeriod> periods = List.of(months, new TimePeriod(months.start().plusMonths(1), months.end()), new TimePeriod(months.start(), months.start().plusMonths(1)),
                new TimePeriod(months.start().plusMonths(1), months.start().plusMonths(2)), new TimePeriod(months.start().plusDays(3), months.end().minusDays(20)));
        for (TimePeriod period : periods) {
            for (String key : List.of("PRINCIPAL", "team", "MODEL", "TAG:iamPrincipal/team")) {
                CostResult whole = plain.run(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(FIELDS.parse(key)), Optional.empty()));
                List<String> expected = whole.resultsByTime().isEmpty() ? List.of() : ranking(whole);
                Page<ValueSpend> values = new DimensionValues(store.store()).find(FIELDS.parse(key), period, Optional.empty(), new PageRequest(0, 10_000));

                assertThat(values.items()).extracting(ValueSpend::value).as(key + " over " + period).containsExactlyElementsOf(expected);
                assertThat(values.totalSize()).as(key + " over " + period).isEqualTo(expected.size());
                Page<ValueSpend> top = new DimensionValues(store.store()).find(FIELDS.parse(key), period, Optional.empty(), new PageRequest(0, 5));
                assertThat(top.items()).as("the first page of five").isEqualTo(values.items().subList(0, Math.min(5, values.items().size())));
                assertThat(values.items().stream().map(ValueSpend::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add)).as(key)
                        .isEqualByComparingTo(whole.resultsByTime().stream().map(bucket -> bucket.total().get(Metric.UNBLENDED_COST).amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
        }
    }

    // The groups of a whole result by their total over every bucket, as one page of all of them would list them.
    static List<String> ranking(CostResult whole) {
        Map<String, BigDecimal> totals = new HashMap<>();
        whole.resultsByTime().forEach(bucket -> bucket.groups().forEach(group -> totals.merge(group.keys().get(0), group.metrics().get(Metric.UNBLENDED_COST).amount(), BigDecimal::add)));
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry::getKey, GroupedBuckets::compareCodePoints))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String describe(CostQuery query) {
        return "%s %s by %s%s".formatted(query.period(), query.granularity(), query.groupBy().stream().map(Field::label).toList(), query.filter().isPresent() ? " filtered" : "");
    }
}
