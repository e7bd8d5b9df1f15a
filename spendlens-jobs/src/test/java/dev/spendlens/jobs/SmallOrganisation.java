package dev.spendlens.jobs;

import static dev.spendlens.duckdb.testing.CurLine.line;

import dev.spendlens.duckdb.testing.CurFixture;
import dev.spendlens.duckdb.testing.CurLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The export of a small organisation, written as CUR 2.0 Parquet in two deliveries (one folder each),
 * with a spend configuration written next to it.
 *
 * <pre>
 * principal | team | daily spend                                     | anomalies
 * alice     | ml   | 2026-06-01 .. 08-31: 15 (5 output, x5 on 07-15) | spike 07-15
 * bob       | web  | 2026-06-01 .. 08-31: 20 (x6 on 08-10)           | spike 08-10
 * newbie    | web  | 2026-08-20 .. 08-31: 80                         | new principal 08-20
 * carol     | ml   | 2026-09-01 .. 09-05: 120 (second delivery only) | new principal 09-01
 * </pre>
 */
final class SmallOrganisation {
    static final String ALICE = "arn:aws:iam::222222222222:user/alice";
    static final String BOB = "arn:aws:iam::222222222222:user/bob";
    static final String NEWBIE = "arn:aws:iam::222222222222:user/newbie";
    static final String CAROL = "arn:aws:iam::222222222222:user/carol";

    private SmallOrganisation() {}

    /** June to August, in {@code folder/summer/}. */
    static void writeSummer(Path folder) {
        List<CurLine> lines = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 6, 1); day.isBefore(LocalDate.of(2026, 9, 1)); day = day.plusDays(1)) {
            String period = day.toString().substring(0, 7);
            String at = day + "T10:00";
            lines.add(line().period(period).at(at).principal(ALICE).tag("iamPrincipal/team", "ml").cost("10.00"));
            lines.add(line().period(period).at(at).principal(ALICE).tag("iamPrincipal/team", "ml").usageType("USE1-NovaPro-output-tokens")
                    .cost(day.equals(LocalDate.of(2026, 7, 15)) ? "25.00" : "5.00"));
            lines.add(line().period(period).at(at).principal(BOB).tag("iamPrincipal/team", "web").cost(day.equals(LocalDate.of(2026, 8, 10)) ? "120.00" : "20.00"));
            if (!day.isBefore(LocalDate.of(2026, 8, 20))) {
                lines.add(line().period(period).at(at).principal(NEWBIE).tag("iamPrincipal/team", "web").usageType("USE1-NovaPro-output-tokens").cost("80.00"));
            }
        }
        write(folder.resolve("summer/export-00001.parquet"), lines);
    }

    /** September's first days, with a new heavy spender, in {@code folder/september/}. */
    static void writeSeptember(Path folder) {
        List<CurLine> lines = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 9, 1); day.isBefore(LocalDate.of(2026, 9, 6)); day = day.plusDays(1)) {
            String at = day + "T10:00";
            lines.add(line().period("2026-09").at(at).principal(ALICE).tag("iamPrincipal/team", "ml").cost("10.00"));
            lines.add(line().period("2026-09").at(at).principal(BOB).tag("iamPrincipal/team", "web").cost("20.00"));
            lines.add(line().period("2026-09").at(at).principal(CAROL).tag("iamPrincipal/team", "ml").usageType("USE1-NovaPro-output-tokens").cost("120.00"));
        }
        write(folder.resolve("september/export-00001.parquet"), lines);
    }

    private static void write(Path file, List<CurLine> lines) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CurFixture.cur2Parquet(file, lines);
    }

    /**
     * Writes {@code spendlens.yaml} into the folder: the store there, a monitor of principals that alerts on every anomaly it
     * finds, the anomaly subscriptions given (YAML list items, indented 4), and the other sections given.
     */
    static Path config(Path folder, String subscriptions, String sections) {
        Path file = folder.resolve("spendlens.yaml");
        try {
            Files.writeString(file, """
                    store:
                      path: store/spendlens.duckdb
                    anomalies:
                      monitors:
                        - {name: principals, dimension: PRINCIPAL, hourly: false}
                      alert-window-days: 120
                      subscriptions:
                    """ + subscriptions + sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
