package dev.spendlens.duckdb.query;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.TestStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DimensionValues, TagCatalog, PrincipalDetails and StoreCoverage over one small real store. */
class CatalogQueriesTest {
    private static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    private static final String JANE = "arn:aws:sts::222222222222:assumed-role/BedrockAnalysts/jane@acme.example";
    private static final String BOB = "arn:aws:sts::222222222222:assumed-role/BedrockAnalysts/bob@acme.example";
    private static final String BOT = "arn:aws:sts::333333333333:assumed-role/SupportBotRole/lambda-1";
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));
    private static final TimePeriod JULY_AUGUST = new TimePeriod(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-01"));

    @TempDir
    Path folder;
    TestStore store;

    /*
     * day        | principal | tags                                      | model    | cost
     * 2026-07-01 | alice     | iamPrincipal/team=search                  | NovaLite |  1.00
     * 2026-07-01 | jane      | iamPrincipal/team=ml, project=it's;x      | NovaPro  |  2.00
     * 2026-07-02 | bob       | (none)                                    | NovaPro  |  4.00
     * 2026-07-31 | bot       | resourceTags/team=support                 | NovaLite |  8.00
     * 2026-08-01 | alice     | iamPrincipal/team=search                  | NovaLite | 16.00
     * 2026-08-02 | (none)    | (none), provisioned throughput            | -        | 32.00
     */
    @BeforeEach
    void ingest() {
        store = new TestStore(folder);
        store.ingest(CurFixture.cur2Parquet(folder.resolve("export.parquet"), List.of(
                line().at("2026-07-01T09:00").principal(ALICE).tag("iamPrincipal/team", "search").cost("1.00"),
                line().at("2026-07-01T10:00").principal(JANE).tag("iamPrincipal/team", "ml").tag("iamPrincipal/project", "it's;x")
                        .usageType("USE1-NovaPro-output-tokens").cost("2.00"),
                line().at("2026-07-02T10:00").principal(BOB).usageType("USE1-NovaPro-input-tokens").cost("4.00"),
                line().at("2026-07-31T23:00").principal(BOT).account("333333333333").tag("resourceTags/team", "support").cost("8.00"),
                line().period("2026-08").at("2026-08-01T10:00").principal(ALICE).tag("iamPrincipal/team", "search").cost("16.00"),
                line().period("2026-08").at("2026-08-02T00:00").noPrincipal().usageType("USE1-NovaPro-ProvisionedThroughput-ModelUnits").pricingUnit("").cost("32.00"))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Map<String, BigDecimal> asMap(List<ValueSpend> values) {
        return values.stream().collect(java.util.stream.Collectors.toMap(ValueSpend::value, ValueSpend::unblendedCost, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void listsDimensionValuesWithTheirSpendBiggestFirst() {
        Page<ValueSpend> teams = new DimensionValues(store.store()).find(FIELDS.parse("team"), JULY_AUGUST, Optional.empty(), new PageRequest(0, 100));

        assertThat(teams.items()).extracting(ValueSpend::value)
                .containsExactly("__unattributed_no_caller__", "search", "support", "__unallocated__", "ml");
        assertThat(asMap(teams.items())).containsEntry("search", new BigDecimal("17.0000000000"));
        assertThat(teams.items().stream().map(ValueSpend::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(store.dailyTotal());
        assertThat(teams.totalSize()).isEqualTo(5);
        assertThat(teams.nextPageToken()).isEmpty();
    }

    @Test
    void dimensionValuesArePaginatedAndSearchable() {
        DimensionValues values = new DimensionValues(store.store());
        Page<ValueSpend> first = values.find(FIELDS.parse("PRINCIPAL"), JULY_AUGUST, Optional.empty(), new PageRequest(0, 2));
        Page<ValueSpend> second = values.find(FIELDS.parse("PRINCIPAL"), JULY_AUGUST, Optional.empty(), PageRequest.of(first.nextPageToken(), 2));
        Page<ValueSpend> third = values.find(FIELDS.parse("PRINCIPAL"), JULY_AUGUST, Optional.empty(), PageRequest.of(second.nextPageToken(), 2));
        Page<ValueSpend> past = values.find(FIELDS.parse("PRINCIPAL"), JULY_AUGUST, Optional.empty(), new PageRequest(10, 2));
        Page<ValueSpend> analysts = values.find(FIELDS.parse("PRINCIPAL"), JULY_AUGUST, Optional.of("BEDROCKanalysts"), new PageRequest(0, 10));

        assertThat(first.items()).extracting(ValueSpend::value).containsExactly("__unattributed_no_caller__", ALICE);
        assertThat(second.items()).extracting(ValueSpend::value).containsExactly(BOT, BOB);
        assertThat(third.items()).extracting(ValueSpend::value).containsExactly(JANE);
        assertThat(third.nextPageToken()).isEmpty();
        assertThat(first.totalSize()).isEqualTo(5);
        assertThat(past.items()).isEmpty();
        assertThat(past.totalSize()).isEqualTo(5);
        assertThat(analysts.items()).extracting(ValueSpend::value).containsExactly(BOB, JANE);
    }

    @Test
    void tagValuesOfAHostileKeyAreEmptyAndTheStoreIsUntouched() {
        String hostile = "iamPrincipal/team') OR 1=1; DROP TABLE cost_daily; --";
        Page<ValueSpend> values = new DimensionValues(store.store()).find(FIELDS.tag(hostile), JULY_AUGUST, Optional.of("'; DROP TABLE tag_sets; --"), new PageRequest(0, 10));
        TagCatalog.Result tags = new TagCatalog(store.store()).find(JULY_AUGUST, Optional.of(hostile), Optional.of("x' OR '1'='1"), new PageRequest(0, 10));

        assertThat(values.items()).isEmpty();
        assertThat(tags.values().items()).isEmpty();
        assertThat(store.dailyTotal()).isEqualByComparingTo("63.00");
    }

    @Test
    void listsTagKeysAndValuesWithSpendAndKeyTotals() {
        TagCatalog.Result tags = new TagCatalog(store.store()).find(JULY_AUGUST, Optional.empty(), Optional.empty(), new PageRequest(0, 100));

        assertThat(tags.values().items()).containsExactly(
                new TagSpend("iamPrincipal/project", "it's;x", new BigDecimal("2.0000000000")),
                new TagSpend("iamPrincipal/team", "search", new BigDecimal("17.0000000000")),
                new TagSpend("iamPrincipal/team", "ml", new BigDecimal("2.0000000000")),
                new TagSpend("resourceTags/team", "support", new BigDecimal("8.0000000000")));
        assertThat(tags.keyTotals()).containsEntry("iamPrincipal/team", new BigDecimal("19.0000000000"));
        assertThat(tags.periodTotal()).isEqualByComparingTo("63.00");
    }

    @Test
    void tagCatalogFiltersByKeyAndPaginates() {
        TagCatalog catalog = new TagCatalog(store.store());
        TagCatalog.Result first = catalog.find(JULY_AUGUST, Optional.of("iamPrincipal/team"), Optional.empty(), new PageRequest(0, 1));
        TagCatalog.Result second = catalog.find(JULY_AUGUST, Optional.of("iamPrincipal/team"), Optional.empty(), PageRequest.of(first.values().nextPageToken(), 1));

        assertThat(first.values().items()).extracting(TagSpend::value).containsExactly("search");
        assertThat(first.values().totalSize()).isEqualTo(2);
        assertThat(second.values().items()).extracting(TagSpend::value).containsExactly("ml");
        assertThat(second.values().nextPageToken()).isEmpty();
        assertThat(second.keyTotals()).containsOnlyKeys("iamPrincipal/team");
    }

    @Test
    void describesAPrincipalWithTagsSourcesAndDailyModelSpend() {
        PrincipalDetails details = new PrincipalDetails(store.store(), AllocationDimension.defaults());
        PrincipalReport jane = details.find(JANE, JULY_AUGUST).orElseThrow();

        assertThat(jane.principalType()).isEqualTo("FEDERATED_USER");
        assertThat(jane.role()).isEqualTo("BedrockAnalysts");
        assertThat(jane.person()).isEqualTo("jane@acme.example");
        assertThat(jane.account()).isEqualTo("222222222222");
        assertThat(jane.allocations()).contains(new PrincipalReport.AllocatedSpend("team", "ml", "tag:iamPrincipal/team", new BigDecimal("2.0000000000")));
        assertThat(jane.allocations()).filteredOn(spend -> spend.dimension().equals("project")).extracting(PrincipalReport.AllocatedSpend::source)
                .containsExactly("tag:iamPrincipal/project");
        assertThat(jane.tags()).extracting(TagSpend::key).containsExactly("iamPrincipal/project", "iamPrincipal/team");
        assertThat(jane.daily()).containsExactly(new PrincipalReport.DailySpend(LocalDate.parse("2026-07-01"), "NovaPro", "OUTPUT",
                new BigDecimal("2.0000000000"), jane.daily().get(0).tokens()));
        assertThat(jane.total()).isEqualByComparingTo("2.00");
    }

    @Test
    void principalSpendAddsUpOverEveryDimensionAndDay() {
        PrincipalReport alice = new PrincipalDetails(store.store(), AllocationDimension.defaults()).find(ALICE, JULY_AUGUST).orElseThrow();

        assertThat(alice.total()).isEqualByComparingTo("17.00");
        for (AllocationDimension dimension : AllocationDimension.defaults()) {
            assertThat(alice.allocations().stream().filter(spend -> spend.dimension().equals(dimension.name()))
                    .map(PrincipalReport.AllocatedSpend::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add)).as(dimension.name()).isEqualByComparingTo("17.00");
        }
        assertThat(alice.allocations()).contains(new PrincipalReport.AllocatedSpend("project", "__unallocated__", "unallocated", new BigDecimal("17.0000000000")));
    }

    @Test
    void anUnknownPrincipalIsNotFound() {
        assertThat(new PrincipalDetails(store.store(), AllocationDimension.defaults()).find("arn:aws:iam::1:user/x' OR '1'='1", JULY_AUGUST)).isEmpty();
    }

    @Test
    void coverageTellsTheDaysPeriodsAndSize() {
        StoreCoverage coverage = StoreCoverage.read(store.store());

        assertThat(coverage.firstDay()).contains(LocalDate.parse("2026-07-01"));
        assertThat(coverage.lastDay()).contains(LocalDate.parse("2026-08-02"));
        assertThat(coverage.periods()).extracting(period -> period.billingPeriod().toString()).containsExactly("2026-07", "2026-08");
        assertThat(coverage.currency()).isEqualTo("USD");
        assertThat(coverage.dailyRows()).isPositive();
        assertThat(coverage.storeBytes()).isPositive();
    }
}
