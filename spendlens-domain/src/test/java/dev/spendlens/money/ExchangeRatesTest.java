package dev.spendlens.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExchangeRatesTest {
    private final ExchangeRates rates = new ExchangeRates(List.of(
            new ExchangeRate(LocalDate.of(2026, 9, 1), "USD", "EUR", new BigDecimal("0.90")),
            new ExchangeRate(LocalDate.of(2026, 10, 1), "USD", "EUR", new BigDecimal("0.95")),
            new ExchangeRate(LocalDate.of(2026, 9, 1), "GBP", "USD", new BigDecimal("1.25"))));

    @Test
    void usesTheLatestRateDatedOnOrBeforeTheDay() {
        assertThat(rates.require("USD", "EUR", LocalDate.of(2026, 9, 30))).isEqualByComparingTo("0.90");
        assertThat(rates.require("USD", "EUR", LocalDate.of(2026, 10, 1))).isEqualByComparingTo("0.95");
    }

    @Test
    void usesAPairTheOtherWayRound() {
        assertThat(rates.require("USD", "GBP", LocalDate.of(2026, 10, 31))).isEqualByComparingTo("0.8");
    }

    @Test
    void namesTheMissingRate() {
        assertThatThrownBy(() -> rates.require("USD", "EUR", LocalDate.of(2026, 8, 31)))
                .hasMessageContaining("no exchange rate from USD to EUR dated on or before 2026-08-31")
                .hasMessageContaining("currency.exchange-rates");
    }
}
