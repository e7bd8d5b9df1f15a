package dev.spendlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ApportionmentTest {
    @Test
    void splitsACentIntoThreeWithoutLosingIt() {
        List<BigDecimal> parts = Apportionment.split(new BigDecimal("0.01"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), 2);

        assertThat(parts).containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    @Test
    void splitsInProportionAndGivesLeftoverUnitsToTheLargestRemainders() {
        // 100.00 by 1:1:1 -> 33.34, 33.33, 33.33 (the first wins the tie)
        List<BigDecimal> parts = Apportionment.split(new BigDecimal("100.00"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), 2);

        assertThat(parts).containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    }

    @Test
    void splitsNegativeAmountsAndTreatsNegativeWeightsAsZero() {
        List<BigDecimal> parts = Apportionment.split(new BigDecimal("-10.00"), List.of(new BigDecimal("3"), new BigDecimal("-5"), new BigDecimal("1")), 2);

        assertThat(parts).containsExactly(new BigDecimal("-7.50"), new BigDecimal("0.00"), new BigDecimal("-2.50"));
    }

    @Test
    void roundedLinesAlwaysAddUpToTheRoundedTotal() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int count = 1 + random.nextInt(40);
            List<BigDecimal> amounts = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                amounts.add(BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 10).multiply(BigDecimal.valueOf(random.nextInt(1000))));
            }
            BigDecimal total = Apportionment.rounded(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add), 2);

            List<BigDecimal> rounded = Apportionment.round(amounts, total, 2);

            assertThat(rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
            for (int i = 0; i < count; i++) {
                assertThat(rounded.get(i).subtract(amounts.get(i)).abs()).isLessThan(new BigDecimal("0.01"));
            }
        }
    }

    @Test
    void anExactSplitAddsUpToTheExactAmount() {
        BigDecimal total = new BigDecimal("1234.5678901234");
        List<BigDecimal> parts = Apportionment.split(total, List.of(new BigDecimal("7"), new BigDecimal("11"), new BigDecimal("13")), 10);

        assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
    }
}
