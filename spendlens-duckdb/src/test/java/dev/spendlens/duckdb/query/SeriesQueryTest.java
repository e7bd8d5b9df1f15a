package dev.spendlens.duckdb.query;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.MatchOption;
import dev.spendlens.detection.CauseCell;
import dev.spendlens.detection.TimeSeries;
import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.TestStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesQueryTest {
    private static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    private static final String JANE = "arn:aws:sts::222222222222:assumed-role/BedrockAnalysts/jane@acme.example";
    private static final String BOB = "arn:aws:sts::222222222222:assumed-role/BedrockAnalysts/bob@acme.example";

    @TempDir
    Path folder;
    TestStore store;
    SeriesQuery query;

    /*
     * hour              | principal | team  | usage type                 | account | cost
     * 2026-07-01 09:00  | alice     | ml    | NovaLite input             | 222     | 1.00
     * 2026-07-01 10:00  | jane      | ml    | NovaPro output             | 222     | 2.00
     * 2026-07-03 10:00  | alice     | ml    | NovaLite input             | 222     | 4.00
     * 2026-07-03 11:00  | bob       | web   | NovaPro input              | 333     | 8.00
     */
    @BeforeEach
    void ingest() {
        store = new TestStore(folder);
        store.ingest(CurFixture.cur2Parquet(folder.resolve("export.parquet"), List.of(
                line().at("2026-07-01T09:00").principal(ALICE).tag("iamPrincipal/team", "ml").cost("1.00"),
                line().at("2026-07-01T10:00").principal(JANE).tag("iamPrincipal/team", "ml").usageType("USE1-NovaPro-output-tokens").cost("2.00"),
                line().at("2026-07-03T10:00").principal(ALICE).tag("iamPrincipal/team", "ml").cost("4.00"),
                line().at("2026-07-03T11:00").principal(BOB).account("333333333333").tag("iamPrincipal/team", "web").usageType("USE1-NovaPro-input-tokens")
                        .cost("8.00"))));
        query = new SeriesQuery(store.store());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsOneSeriesPerValueWithEveryDayPresentAndRolesAsGroups() {
        List<TimeSeries> series = query.series(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 5), Granularity.DAILY,
                Optional.of(new Field.Builtin(Dimension.PRINCIPAL)), Optional.of(new Field.Builtin(Dimension.ROLE)), Optional.empty());

        assertThat(series).extracting(TimeSeries::key).containsExactly(ALICE, BOB, JANE);
        assertThat(series.get(0).values()).containsExactly(1, 0, 4, 0);
        assertThat(series.get(0).group()).as("an IAM user has no role").isEmpty();
        assertThat(series.get(1).group()).contains("BedrockAnalysts");
        assertThat(series.get(2).values()).containsExactly(2, 0, 0, 0);
    }

    @Test
    void readsACustomMonitorsFilteredTotalHourly() {
        Expression account = new Expression.Match(new Field.Builtin(Dimension.LINKED_ACCOUNT), List.of("222222222222"), Set.of(MatchOption.EQUALS));
        List<TimeSeries> series = query.series(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2), Granularity.HOURLY, Optional.empty(), Optional.empty(),
                Optional.of(account));

        assertThat(series).singleElement().satisfies(total -> {
            assertThat(total.key()).isEqualTo(SeriesQuery.TOTAL);
            assertThat(total.values()).hasSize(24);
            assertThat(total.values()[9]).isEqualTo(1);
            assertThat(total.values()[10]).isEqualTo(2);
        });
        assertThat(query.hourly(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2))).as("the fixture export is hourly").isTrue();
        assertThat(query.hourly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2))).as("nothing stored then").isFalse();
    }

    @Test
    void cellsOfASeriesSumExactlyToItsSpendAndNameItsOwner() {
        Field team = new Field.Allocation("team");
        List<CauseCell> cells = query.cells(LocalDate.of(2026, 7, 1).atStartOfDay(), LocalDate.of(2026, 7, 5).atStartOfDay(), Granularity.DAILY, Optional.of(team),
                "ml", Optional.empty());

        assertThat(cells).extracting(CauseCell::principal).containsExactlyInAnyOrder(ALICE, JANE);
        assertThat(cells.stream().map(CauseCell::cost).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("7.00");
        assertThat(cells).filteredOn(cell -> cell.principal().equals(JANE)).singleElement()
                .satisfies(cell -> assertThat(cell.tokenType()).isEqualTo("OUTPUT"));
        assertThat(query.dominant(LocalDate.of(2026, 7, 3).atStartOfDay(), LocalDate.of(2026, 7, 4).atStartOfDay(), Granularity.DAILY,
                Optional.of(new Field.Builtin(Dimension.PRINCIPAL)), BOB, Optional.empty(), team)).contains("web");
    }
}
