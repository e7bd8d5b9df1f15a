package dev.spendlens.anomalies;

import static dev.spendlens.duckdb.testing.CurLine.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.config.AlertsConfig;
import dev.spendlens.config.AnomaliesConfig;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.detection.AnomalyKind;
import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.CurLine;
import dev.spendlens.duckdb.testing.TestStore;
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
 * A store whose history starts before CUR carried callers (April 2026): the same spend, first
 * without a caller, then with one. Every caller "appears" on the first day callers are written,
 * and team ml steps from 10 to 30 a day as principal tags start to allocate what nothing did:
 * neither is news. A real spike afterwards still is.
 *
 * <pre>
 * 2026-01-01 .. 2026-04-07  no caller (legacy CUR)     10 a day tagged team ml by its resource, 20 a day untagged
 * 2026-04-08 .. 2026-07-31  alice (IAM user)           10 a day, x6 on 07-10, team ml by principal tag
 *                           carol (federated, person)  20 a day, team ml by principal tag
 * </pre>
 */
class CallerOnsetTest {
    private static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    private static final String CAROL = "arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Users_0123456789abcdef/carol@acme.example";
    private static final LocalDate CALLERS_FROM = LocalDate.of(2026, 4, 8);
    private static final LocalDate SPIKE = LocalDate.of(2026, 7, 10);

    @TempDir
    Path folder;
    TestStore store;

    @BeforeEach
    void ingest() {
        store = new TestStore(folder);
        List<CurLine> lines = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2026, 8, 1)); day = day.plusDays(1)) {
            String period = day.toString().substring(0, 7);
            String at = day + "T10:00";
            if (day.isBefore(CALLERS_FROM)) {
                lines.add(line().period(period).at(at).noPrincipal().tag("resourceTags/team", "ml").cost("10.00"));
                lines.add(line().period(period).at(at).noPrincipal().cost("20.00"));
            } else {
                lines.add(line().period(period).at(at).principal(ALICE).tag("iamPrincipal/team", "ml").cost(day.equals(SPIKE) ? "60.00" : "10.00"));
                lines.add(line().period(period).at(at).principal(CAROL).tag("iamPrincipal/team", "ml").cost("20.00"));
            }
        }
        store.ingest(CurFixture.cur2Parquet(folder.resolve("export.parquet"), lines));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void callersAreNotNewOnTheDayTheExportStartsNamingThemButTheirSpikesAreFound() {
        AnomalyService service = AnomalyService.create(store.store(), AnomaliesConfig.defaults(), AlertsConfig.defaults(),
                new FieldParser(List.of("team", "project", "cost-center", "application")), TestStore.CLOCK);

        List<CostAnomaly> found = service.detect(Optional.empty(), Optional.empty(), line -> { }).anomalies();

        assertThat(found).filteredOn(anomaly -> anomaly.monitor().equals("principals") || anomaly.monitor().equals("people"))
                .noneMatch(anomaly -> anomaly.kind() == AnomalyKind.NEW_SERIES || anomaly.start().toLocalDate().equals(CALLERS_FROM));
        List<CostAnomaly> onset = found.stream().filter(anomaly -> anomaly.start().toLocalDate().equals(CALLERS_FROM)).toList();
        assertThat(onset).as("team ml steps up when principal tags start to allocate").isNotEmpty()
                .allSatisfy(anomaly -> {
                    assertThat(anomaly.monitor()).isEqualTo("teams");
                    assertThat(anomaly.suppressed()).hasValueSatisfying(reason -> assertThat(reason).startsWith("attribution changed, not spend"));
                });
        assertThat(found).filteredOn(anomaly -> anomaly.seriesKey().equals(ALICE) && anomaly.start().toLocalDate().equals(SPIKE))
                .singleElement().satisfies(spike -> {
                    assertThat(spike.kind()).isEqualTo(AnomalyKind.SPIKE);
                    assertThat(spike.suppressed()).isEmpty();
                });
    }
}
