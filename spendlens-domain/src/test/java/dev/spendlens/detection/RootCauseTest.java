package dev.spendlens.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Root causes by principal x model x token type x account.
 *
 * <pre>
 * cell                          before (28 d)  during
 * alice Opus OUTPUT  111        600            300
 * alice Opus INPUT   111        300            100
 * bob   Haiku OUTPUT 222        300            60
 * carol Opus OUTPUT  111        -              40    (new)
 * </pre>
 */
class RootCauseTest {
    private static CauseCell cell(String principal, String model, String token, String account, String cost) {
        return new CauseCell(principal, model, token, account, new BigDecimal(cost));
    }

    @Test
    void ranksTheCellsThatExplainTheRiseAndTheirChangesSumToTheImpact() {
        List<CauseCell> before = List.of(cell("alice", "Opus", "OUTPUT", "111", "600"), cell("alice", "Opus", "INPUT", "111", "300"),
                cell("bob", "Haiku", "OUTPUT", "222", "300"));
        List<CauseCell> during = List.of(cell("alice", "Opus", "OUTPUT", "111", "300"), cell("alice", "Opus", "INPUT", "111", "100"),
                cell("bob", "Haiku", "OUTPUT", "222", "60"), cell("carol", "Opus", "OUTPUT", "111", "40"));

        List<Contribution> causes = RootCause.explain(before, during, new BigDecimal("120"));

        // Expected 120 split 60/30/30 as before; alice's output rose most.
        assertThat(causes).extracting(Contribution::principal, Contribution::tokenType, contribution -> contribution.change().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "OUTPUT", "240"), org.assertj.core.groups.Tuple.tuple("alice", "INPUT", "70"),
                        org.assertj.core.groups.Tuple.tuple("carol", "OUTPUT", "40"), org.assertj.core.groups.Tuple.tuple("bob", "OUTPUT", "30"));
        assertThat(sum(causes)).isEqualByComparingTo("380");
    }

    @Test
    void conservesTheImpactExactlyWhateverTheShares() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<CauseCell> before = new ArrayList<>();
            List<CauseCell> during = new ArrayList<>();
            for (int index = 0; index < 1 + random.nextInt(30); index++) {
                String principal = "p" + random.nextInt(10);
                String model = "m" + random.nextInt(3);
                if (random.nextBoolean()) {
                    before.add(cell(principal, model, "INPUT", "1", BigDecimal.valueOf(random.nextInt(1_000_000), 4).toPlainString()));
                }
                during.add(cell(principal, model, "INPUT", "1", BigDecimal.valueOf(random.nextInt(1_000_000), 4).toPlainString()));
            }
            BigDecimal expected = BigDecimal.valueOf(random.nextDouble() * 100);
            BigDecimal actual = during.stream().map(CauseCell::cost).reduce(BigDecimal.ZERO, BigDecimal::add);

            List<Contribution> causes = RootCause.explain(before, during, expected);

            assertThat(sum(causes)).as("round %d", round).isEqualByComparingTo(actual.subtract(expected.setScale(10, java.math.RoundingMode.HALF_EVEN)));
        }
    }

    @Test
    void aNewSeriesIsExplainedEntirelyByWhatItSpent() {
        List<Contribution> causes = RootCause.explain(List.of(), List.of(cell("key", "Opus", "OUTPUT", "1", "90"), cell("key", "Opus", "INPUT", "1", "10")),
                BigDecimal.ZERO);
        assertThat(causes).extracting(contribution -> contribution.change().stripTrailingZeros().toPlainString()).containsExactly("90", "10");
    }

    private static BigDecimal sum(List<Contribution> causes) {
        return causes.stream().map(Contribution::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
