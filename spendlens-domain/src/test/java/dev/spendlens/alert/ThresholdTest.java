package dev.spendlens.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ThresholdTest {
    private static Alert alert(String amount, Optional<String> percent) {
        return new Alert("k", "anomaly", "m", "t", Severity.WARNING, "s", List.of(), Optional.empty(), new BigDecimal(amount), percent.map(BigDecimal::new),
                "USD", Optional.empty(), Instant.EPOCH);
    }

    @Test
    void noBoundLetsEveryAlertThrough() {
        assertThat(Threshold.none().met(alert("0", Optional.empty()))).isTrue();
    }

    @Test
    void andNeedsBothBoundsAndOrEither() {
        Threshold and = new Threshold(Optional.of(new BigDecimal("100")), Optional.of(new BigDecimal("40")), Threshold.Combination.AND);
        Threshold or = new Threshold(Optional.of(new BigDecimal("100")), Optional.of(new BigDecimal("40")), Threshold.Combination.OR);
        assertThat(and.met(alert("150", Optional.of("50")))).isTrue();
        assertThat(and.met(alert("150", Optional.of("10")))).isFalse();
        assertThat(or.met(alert("150", Optional.of("10")))).isTrue();
        assertThat(or.met(alert("50", Optional.of("60")))).isTrue();
        assertThat(or.met(alert("50", Optional.of("10")))).isFalse();
    }

    @Test
    void aPercentBoundIsNeverMetByAnAlertWithoutPercent() {
        Threshold percent = new Threshold(Optional.empty(), Optional.of(new BigDecimal("10")), Threshold.Combination.OR);
        assertThat(percent.met(alert("1000", Optional.empty()))).isFalse();
    }

    @Test
    void refusesNegativeBounds() {
        assertThatThrownBy(() -> Threshold.absolute(new BigDecimal("-1"))).isInstanceOf(SpendlensException.class).hasMessageContaining("must not be negative");
    }
}
