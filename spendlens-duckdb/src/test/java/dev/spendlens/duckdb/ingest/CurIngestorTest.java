package dev.spendlens.duckdb.ingest;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.CurLine;
import dev.spendlens.duckdb.testing.TestStore;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.ExportFile;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurIngestorTest {
    private static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    private static final String JANE = "arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Bedrock_1a2b/jane.doe@acme.example";
    private static final String APP = "arn:aws:sts::333333333333:assumed-role/SupportBotRole/lambda-session-1";

    @TempDir
    Path folder;

    /*
     * principal | tags                                   | usage type                      | cost
     * alice     | iamPrincipal/team=search               | NovaLite input                  | 1.10
     * jane      | iamPrincipal/team=DataScience (camel)  | NovaLite output                 | 2.25
     * app       | resourceTags/team=support              | Marketplace Claude input        | 3.333333
     * (none)    | (none)                                 | provisioned throughput          | 10.00
     * (none)    | (none)                                 | EC2 (not Bedrock)               | 99.00
     */
    private List<CurLine> july() {
        return List.of(
                line().principal(ALICE).tag("iamPrincipal/team", "search").cost("1.10"),
                line().principal(JANE).tag("iamPrincipal/team", "DataScience").usageType("USE1-NovaLite-output-tokens").cost("2.25"),
                line().principal(APP).account("333333333333").tag("resourceTags/team", "support").billingEntity("AWS Marketplace")
                        .product("prod-abc123", "Claude Sonnet 4.6 (Amazon Bedrock Edition)").productFamily("").usageType("USE1-MP:USE1_InputTokenCount-Units")
                        .pricingUnit("Units").usage("0.5").cost("3.333333"),
                line().noPrincipal().billingEntity("AWS Marketplace").product("prod-abc123", "Claude Sonnet 4.6 (Amazon Bedrock Edition)").productFamily("")
                        .usageType("USE1-MP:USE1_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units").pricingUnit("Units").cost("10.00"),
                line().noPrincipal().product("AmazonEC2", "Amazon Elastic Compute Cloud").productFamily("Compute Instance").usageType("BoxUsage:m5.large").cost("99.00"));
    }

    @Test
    void attributesEveryBedrockDollarToATeamOrAnExplicitBucket() {
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), july());
        try (TestStore store = new TestStore(folder)) {
            IngestSummary summary = store.ingest(file);

            assertThat(summary.rowsRead()).isEqualTo(5);
            assertThat(summary.bedrockRows()).isEqualTo(4);
            assertThat(store.dailyTotal()).isEqualByComparingTo("16.683333");
            assertThat(store.pairs("""
                    SELECT a.dim_team, sum(f.unblended_cost) FROM cost_daily f JOIN allocations a USING (allocation_id) GROUP BY 1 ORDER BY 1"""))
                    .containsExactly(
                            entry("__unattributed_no_caller__", "10"),
                            entry("data-science", "2.25"),
                            entry("search", "1.1"),
                            entry("support", "3.333333"));
        }
    }

    @Test
    void recordsWhereEachTeamCameFrom() {
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), july());
        try (TestStore store = new TestStore(folder)) {
            store.ingest(file);

            assertThat(store.pairs("SELECT principal, src_team FROM allocations ORDER BY 1"))
                    .containsEntry(ALICE, "tag:iamPrincipal/team")
                    .containsEntry(APP, "tag:resourceTags/team")
                    .containsEntry("__unattributed_no_caller__", "no-caller");
            assertThat(store.pairs("SELECT principal, person FROM allocations ORDER BY 1"))
                    .containsEntry(JANE, "jane.doe@acme.example")
                    .containsEntry(APP, "__none__");
        }
    }

    @Test
    void decodesModelsTokenTypesAndNormalisesTokenUnits() {
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), List.of(
                line().principal(ALICE).usageType("USE1-NovaLite-input-tokens").pricingUnit("1M tokens").usage("2.5").cost("0.15"),
                line().principal(ALICE).usageType("USE1-ClaudeV2-input-tokens").pricingUnit("1K tokens").usage("300").cost("2.40"),
                line().principal(ALICE).billingEntity("AWS Marketplace").product("prod-x", "Claude Sonnet 4.6 (Amazon Bedrock Edition)").productFamily("")
                        .usageType("USE1-MP:USE1_CacheReadInputTokenCount-Units").pricingUnit("Units").usage("0.25").cost("0.075")));
        try (TestStore store = new TestStore(folder)) {
            store.ingest(file);

            assertThat(store.rows("SELECT c.model, c.token_type, c.pricing_model, f.tokens FROM cost_daily f JOIN charge_types c USING (charge_type_id) ORDER BY c.model"))
                    .containsExactly(
                            List.of("Claude Sonnet 4.6", "CACHE_READ", "ON_DEMAND", "250000"),
                            List.of("ClaudeV2", "INPUT", "ON_DEMAND", "300000"),
                            List.of("NovaLite", "INPUT", "ON_DEMAND", "2500000"));
        }
    }

    @Test
    void ingestingTheSameExportTwiceNeverDoubleCounts() {
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), july());
        try (TestStore store = new TestStore(folder)) {
            store.ingest(file);
            IngestSummary second = store.ingest(file);

            assertThat(store.dailyTotal()).isEqualByComparingTo("16.683333");
            assertThat(second.periods()).singleElement().satisfies(period -> assertThat(period.previousUnblendedCost()).hasValueSatisfying(
                    previous -> assertThat(previous).isEqualByComparingTo("16.683333")));
        }
    }

    @Test
    void restatedPeriodReplacesTheEarlierDelivery() {
        ExportFile first = CurFixture.cur2Parquet(folder.resolve("first/july.parquet"), july());
        ExportFile restated = CurFixture.cur2Parquet(folder.resolve("restated/july.parquet"), List.of(
                line().principal(ALICE).tag("iamPrincipal/team", "search").cost("1.20"),
                line().principal(JANE).tag("iamPrincipal/team", "data-science").cost("2.00")));
        ExportFile august = CurFixture.cur2Parquet(folder.resolve("august.parquet"), List.of(line().period("2026-08").principal(ALICE).cost("5.00")));
        try (TestStore store = new TestStore(folder)) {
            store.ingestBatches(List.of(List.of(first), List.of(august)));
            IngestSummary summary = store.ingest(restated);

            assertThat(store.dailyTotal()).isEqualByComparingTo("8.20");
            assertThat(summary.periods()).singleElement().satisfies(period -> {
                assertThat(period.restated()).isTrue();
                assertThat(period.unblendedCost()).isEqualByComparingTo("3.20");
            });
            assertThat(store.scalar("SELECT count(*) FROM period_deliveries WHERE billing_period = DATE '2026-07-01'")).isEqualByComparingTo("2");
        }
    }

    @Test
    void aPeriodDeliveredTwiceInOneIngestKeepsTheLastDelivery() {
        ExportFile first = CurFixture.cur2Parquet(folder.resolve("first/july.parquet"), july());
        ExportFile restated = CurFixture.cur2Parquet(folder.resolve("restated/july.parquet"), List.of(line().principal(ALICE).cost("1.20")));
        try (TestStore store = new TestStore(folder)) {
            store.ingestBatches(List.of(List.of(first), List.of(restated)));

            assertThat(store.dailyTotal()).isEqualByComparingTo("1.20");
        }
    }

    @Test
    void aBrokenFileLeavesTheStoreExactlyAsItWas() {
        ExportFile good = CurFixture.cur2Parquet(folder.resolve("july.parquet"), july());
        ExportFile august = CurFixture.cur2Parquet(folder.resolve("august.parquet"), List.of(line().period("2026-08").principal(ALICE).cost("5.00")));
        ExportFile september = CurFixture.cur2Parquet(folder.resolve("september.parquet"), List.of(line().period("2026-09").principal(ALICE).cost("7.00")));
        CurFixture.truncate(september.path());
        try (TestStore store = new TestStore(folder)) {
            store.ingest(good);

            assertThatThrownBy(() -> store.ingestBatches(List.of(List.of(august), List.of(september))))
                    .isInstanceOf(SpendlensException.class)
                    .satisfies(e -> assertThat(((SpendlensException) e).code()).isEqualTo(ErrorCode.CUR_UNREADABLE_FILE))
                    .hasMessageContaining("september.parquet");
            assertThat(store.dailyTotal()).isEqualByComparingTo("16.683333");
            assertThat(store.scalar("SELECT count(*) FROM billing_periods")).isEqualByComparingTo("1");
            assertThat(store.scalar("SELECT count(*) FROM ingestions")).isEqualByComparingTo("1");
        }
    }

    @Test
    void aMissingRequiredColumnIsNamedWithItsFile() {
        ExportFile file = CurFixture.legacyAthenaParquet(folder.resolve("odd.parquet"), List.of(line()), List.of());
        // Legacy Athena files carry every required column; drop one by rewriting without the currency.
        Path broken = folder.resolve("no-currency.parquet");
        rewriteWithout(file.path(), broken, "line_item_currency_code");
        try (TestStore store = new TestStore(folder)) {
            assertThatThrownBy(() -> store.ingest(new ExportFile(broken, file.type(), broken.toString(), java.util.Optional.empty())))
                    .isInstanceOf(SpendlensException.class)
                    .hasMessageContaining("no-currency.parquet")
                    .hasMessageContaining("line_item_currency_code")
                    .satisfies(e -> assertThat(((SpendlensException) e).code()).isEqualTo(ErrorCode.CUR_MISSING_COLUMN));
        }
    }

    @Test
    void anUnparseableNumberIsNamedByFileRowAndColumn() throws Exception {
        Path csv = folder.resolve("legacy.csv");
        CurFixture.legacyCsv(csv, List.of(line().cost("1.00"), line().cost("2.00"), line().cost("12,5O")), List.of());
        try (TestStore store = new TestStore(folder)) {
            store.ingest(CurFixture.cur2Parquet(folder.resolve("july.parquet"), july()));

            assertThatThrownBy(() -> store.ingest(new ExportFile(csv, dev.spendlens.export.FileType.CSV, csv.toString(), java.util.Optional.empty())))
                    .isInstanceOf(SpendlensException.class)
                    .hasMessageContaining("legacy.csv, row 3 (line 4), column lineItem/UnblendedCost")
                    .hasMessageContaining("'12,5O' is not a finite number")
                    .satisfies(e -> assertThat(((SpendlensException) e).code()).isEqualTo(ErrorCode.CUR_BAD_VALUE));
            assertThat(store.dailyTotal()).isEqualByComparingTo("16.683333");
        }
    }

    @Test
    void aMalformedPrincipalIsNamedByFileAndRow() {
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), List.of(
                line().principal(ALICE), line().principal(ALICE), line().principal("arn:aws:sts::2222:assumed-role/NoAccount/x")));
        try (TestStore store = new TestStore(folder)) {
            assertThatThrownBy(() -> store.ingest(file))
                    .isInstanceOf(SpendlensException.class)
                    .hasMessageContaining("july.parquet, row 3, column line_item_iam_principal")
                    .hasMessageContaining("arn:aws:sts::2222:assumed-role/NoAccount/x")
                    .satisfies(e -> assertThat(((SpendlensException) e).code()).isEqualTo(ErrorCode.MALFORMED_PRINCIPAL_ARN));
        }
    }

    @Test
    void aPeriodMixingCurrenciesIsRefused() {
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), List.of(
                line().principal(ALICE), line().principal(ALICE), line().principal(ALICE).currency("EUR")));
        try (TestStore store = new TestStore(folder)) {
            assertThatThrownBy(() -> store.ingest(file))
                    .isInstanceOf(SpendlensException.class)
                    .hasMessageContaining("july.parquet, row 3, column line_item_currency_code")
                    .hasMessageContaining("mixes EUR with USD")
                    .satisfies(e -> assertThat(((SpendlensException) e).code()).isEqualTo(ErrorCode.CUR_CURRENCY_MIX));
            assertThat(store.scalar("SELECT count(*) FROM cost_daily")).isEqualByComparingTo("0");
        }
    }

    @Test
    void readsCur2GzipCsvWithJsonMaps() {
        ExportFile file = CurFixture.cur2CsvGzip(folder.resolve("july.csv.gz"), july());
        try (TestStore store = new TestStore(folder)) {
            store.ingest(file);

            assertThat(store.dailyTotal()).isEqualByComparingTo("16.683333");
            assertThat(store.scalar("SELECT count(*) FROM allocations WHERE dim_team = 'data-science'")).isEqualByComparingTo("1");
        }
    }

    @Test
    void readsLegacyCsvAndAthenaHistoryWithoutPrincipals() {
        List<CurLine> lines = List.of(
                line().period("2025-11").noPrincipal().tag("resourceTags/team", "search").cost("4.00"),
                line().period("2025-11").noPrincipal().cost("6.00"));
        ExportFile csv = CurFixture.legacyCsv(folder.resolve("legacy.csv"), lines, List.of("team"));
        ExportFile athena = CurFixture.legacyAthenaParquet(folder.resolve("athena.parquet"),
                List.of(line().period("2025-12").noPrincipal().tag("resourceTags/team", "search").cost("3.00")), List.of("team"));
        try (TestStore store = new TestStore(folder)) {
            store.ingestBatches(List.of(List.of(csv), List.of(athena)));

            assertThat(store.dailyTotal()).isEqualByComparingTo("13.00");
            assertThat(store.pairs("""
                    SELECT a.dim_team, sum(f.unblended_cost) FROM cost_daily f JOIN allocations a USING (allocation_id) GROUP BY 1 ORDER BY 1"""))
                    .containsExactly(entry("__unallocated__", "6"), entry("search", "7"));
            assertThat(store.pairs("SELECT DISTINCT principal, principal_type FROM allocations")).containsOnlyKeys("__unallocated__");
        }
    }

    @Test
    void keepsHourlyFactsOnlyForHourlyExports() {
        ExportFile hourly = CurFixture.cur2Parquet(folder.resolve("hourly.parquet"), List.of(
                line().at("2026-07-01T10:00").principal(ALICE).cost("1.00"), line().at("2026-07-01T11:00").principal(ALICE).cost("2.00")));
        ExportFile daily = CurFixture.cur2Parquet(folder.resolve("daily.parquet"), List.of(line().period("2026-08").at("2026-08-01T00:00").principal(ALICE).cost("3.00")));
        try (TestStore store = new TestStore(folder)) {
            store.ingestBatches(List.of(List.of(hourly), List.of(daily)));

            assertThat(store.pairs("SELECT strftime(billing_period, '%Y-%m'), granularity FROM billing_periods ORDER BY 1"))
                    .containsExactly(entry("2026-07", "HOURLY"), entry("2026-08", "DAILY"));
            assertThat(store.scalar("SELECT count(*) FROM cost_hourly")).isEqualByComparingTo("2");
            assertThat(store.scalar("SELECT sum(unblended_cost) FROM cost_hourly")).isEqualByComparingTo("3.00");
            assertThat(store.dailyTotal()).isEqualByComparingTo("6.00");
        }
    }

    @Test
    void creditsTaxAndRefundsStayInTheTotalWithoutACaller() {
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), List.of(
                line().principal(ALICE).tag("iamPrincipal/team", "search").cost("10.00"),
                line().noPrincipal().type("Credit").usageType("").cost("-4.00"),
                line().noPrincipal().type("Tax").usageType("").cost("1.26"),
                line().noPrincipal().type("Refund").usageType("").cost("0")));
        try (TestStore store = new TestStore(folder)) {
            store.ingest(file);

            assertThat(store.dailyTotal()).isEqualByComparingTo("7.26");
            assertThat(store.pairs("""
                    SELECT c.line_item_type, a.dim_team FROM cost_daily f JOIN allocations a USING (allocation_id) JOIN charge_types c USING (charge_type_id) ORDER BY 1"""))
                    .containsEntry("Credit", "__unattributed_no_caller__")
                    .containsEntry("Tax", "__unattributed_no_caller__")
                    .containsEntry("Usage", "search");
        }
    }

    @Test
    void linesOfOneCallerWithDifferentTagsKeepTheirOwnOwners() {
        // Tags usually follow from caller, account and resource; here they don't (a session tag changed
        // mid-month), so the writer must key lines by their tags too.
        ExportFile file = CurFixture.cur2Parquet(folder.resolve("july.parquet"), List.of(
                line().at("2026-07-01T10:00").principal(ALICE).tag("iamPrincipal/team", "search").cost("1.00"),
                line().at("2026-07-02T10:00").principal(ALICE).tag("iamPrincipal/team", "ads").cost("2.00"),
                line().at("2026-07-02T11:00").principal(JANE).tag("iamPrincipal/team", "ml").cost("4.00")));
        try (TestStore store = new TestStore(folder)) {
            store.ingest(file);

            assertThat(store.pairs("""
                    SELECT a.dim_team, sum(f.unblended_cost) FROM cost_hourly f JOIN allocations a USING (allocation_id) GROUP BY 1 ORDER BY 1"""))
                    .containsExactly(entry("ads", "2"), entry("ml", "4"), entry("search", "1"));
        }
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }

    private static void rewriteWithout(Path source, Path target, String column) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * EXCLUDE (%s) FROM read_parquet('%s')) TO '%s' (FORMAT parquet)".formatted(column, source, target));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
