package dev.spendlens.duckdb.query;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.CurLine;
import dev.spendlens.duckdb.testing.TestStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The principals' ranking sums only the principals that can reach the page; these principals are
 * made to trip that shortcut: steady spenders that never hold a top month, refunds, a principal
 * whose whole spend is a refund, ties, a month's usage billed in the next period, and a crowd of
 * small sessions. Every page must be the plain engine's, to the last decimal.
 */
class PrincipalRankingTest {
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));
    private static final String ACCOUNT = "arn:aws:iam::222222222222:";

    @TempDir
    Path folder;
    TestStore store;

    @BeforeEach
    void ingest() {
        List<CurLine> lines = new ArrayList<>();
        // Never the biggest month, the biggest total over July to September.
        for (String month : List.of("2026-07", "2026-08", "2026-09")) {
            lines.add(line().period(month).principal(ACCOUNT + "user/steady").cost("100.00"));
        }
        lines.add(line().period("2026-07").principal(ACCOUNT + "user/july-burst").cost("250.00"));
        lines.add(line().period("2026-07").principal(ACCOUNT + "user/refunded").cost("200.00"));
        lines.add(line().period("2026-08").type("Refund").principal(ACCOUNT + "user/refunded").cost("-150.00"));
        lines.add(line().period("2026-09").type("Refund").principal(ACCOUNT + "user/only-refund").cost("-5.00"));
        lines.add(line().period("2026-08").principal(ACCOUNT + "user/tie-b").cost("120.00"));
        lines.add(line().period("2026-08").principal(ACCOUNT + "user/tie-a").cost("120.00"));
        // July's usage, half of it billed in August's period: two rows of one month for one principal.
        lines.add(line().period("2026-07").principal(ACCOUNT + "user/late").cost("90.00"));
        lines.add(line().period("2026-08").at("2026-07-31T22:00").principal(ACCOUNT + "user/late").cost("90.00"));
        for (int i = 0; i < 40; i++) {
            String month = List.of("2026-07", "2026-08", "2026-09").get(i % 3);
            lines.add(line().period(month).principal("arn:aws:sts::222222222222:assumed-role/AgentRole/session-%02d".formatted(i)).cost("%d.25".formatted(i % 7)));
        }
        store = new TestStore(folder);
        store.ingest(CurFixture.cur2Parquet(folder.resolve("export.parquet"), lines));
        assertThat(store.store().state().labelsFresh()).as("the principals' rollup is read").isTrue();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyPageOfEveryPeriodIsThePlainEnginesRanking() {
        LocalDate july = LocalDate.parse("2026-07-01");
        List<TimePeriod> periods = List.of(new TimePeriod(july, july.plusMonths(3)), new TimePeriod(july, july.plusMonths(1)),
                new TimePeriod(july.plusMonths(1), july.plusMonths(3)), new TimePeriod(july.plusMonths(2), july.plusMonths(3)));
        for (TimePeriod period : periods) {
            CostResult whole = CostQueryEngine.plain(store.store(), TestStore.CLOCK)
                    .run(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(FIELDS.parse("PRINCIPAL")), Optional.empty()));
            List<ValueSpend> expected = ShortcutsTest.ranking(whole).stream().map(principal -> new ValueSpend(principal, total(whole, principal))).toList();
            for (int size : List.of(1, 2, 3, 5, 7, 60)) {
                for (int offset : List.of(0, 1, 2, 4, 10, 30, 60)) {
                    Page<ValueSpend> page = new DimensionValues(store.store()).find(FIELDS.parse("PRINCIPAL"), period, Optional.empty(), new PageRequest(offset, size));

                    String what = "%s, %d from %d".formatted(period, size, offset);
                    List<ValueSpend> wanted = expected.subList(Math.min(offset, expected.size()), Math.min(offset + size, expected.size()));
                    assertThat(page.items()).extracting(ValueSpend::value).as(what).containsExactlyElementsOf(wanted.stream().map(ValueSpend::value).toList());
                    for (int i = 0; i < wanted.size(); i++) {
                        assertThat(page.items().get(i).unblendedCost()).as(what).isEqualByComparingTo(wanted.get(i).unblendedCost());
                    }
                    assertThat(page.totalSize()).as(what).isEqualTo(expected.size());
                    assertThat(page.nextPageToken().isPresent()).as(what).isEqualTo(offset + size < expected.size());
                }
            }
        }
    }

    @Test
    void aSteadySpenderOutranksTheBiggestSingleMonth() {
        TimePeriod quarter = new TimePeriod(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-10-01"));
        Page<ValueSpend> top = new DimensionValues(store.store()).find(FIELDS.parse("PRINCIPAL"), quarter, Optional.empty(), new PageRequest(0, 1));

        assertThat(top.items()).containsExactly(new ValueSpend(ACCOUNT + "user/steady", new BigDecimal("300.0000000000")));
    }

    private static BigDecimal total(CostResult whole, String principal) {
        return whole.resultsByTime().stream().flatMap(bucket -> bucket.groups().stream())
                .filter(group -> group.keys().get(0).equals(principal))
                .map(group -> group.metrics().get(Metric.UNBLENDED_COST).amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
