package dev.spendlens.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void addsExactly() {
        Money sum = usd("0.1").plus(usd("0.2"));

        assertThat(sum.amount()).isEqualByComparingTo("0.3");
        assertThat(sum.currency()).isEqualTo("USD");
    }

    @Test
    void addsCreditsAsNegativeAmounts() {
        assertThat(usd("10.0000000001").plus(usd("-12.5")).amount()).isEqualByComparingTo("-2.4999999999");
    }

    @Test
    void startsSumsFromZero() {
        assertThat(Money.zero("EUR").plus(new Money(new BigDecimal("4.20"), "EUR"))).isEqualTo(new Money(new BigDecimal("4.20"), "EUR"));
    }

    @Test
    void refusesToAddDifferentCurrenciesNamingBoth() {
        assertThatThrownBy(() -> usd("1").plus(new Money(BigDecimal.ONE, "EUR")))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_CURRENCY_MISMATCH))
                .hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    // amount | currency | rounded | formatted
    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1234.565       | USD | 1234.57 | 1,234.57 USD
            1.005          | USD | 1.01    | 1.01 USD
            1.004999       | USD | 1.00    | 1.00 USD
            -1.005         | USD | -1.01   | -1.01 USD
            0              | USD | 0.00    | 0.00 USD
            1234567.891    | EUR | 1234567.89 | 1,234,567.89 EUR
            1234.5         | JPY | 1235    | 1,235 JPY
            12.3456        | BHD | 12.346  | 12.346 BHD
            """)
    void roundsHalfUpToTheMinorUnitOnlyForDisplay(BigDecimal amount, String currency, BigDecimal rounded, String formatted) {
        Money money = new Money(amount, currency);

        assertThat(money.rounded()).isEqualTo(rounded);
        assertThat(money.format()).isEqualTo(formatted);
        assertThat(money.amount()).isEqualTo(amount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "usd", "US", "DOLLARS", "ABC"})
    void rejectsCodesThatAreNotIso4217(String code) {
        assertThatThrownBy(() -> Money.zero(code))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CUR_BAD_VALUE))
                .hasMessageContaining("'" + code + "'");
    }

    @Test
    void acceptsIso4217Codes() {
        assertThat(Money.checkCurrency("CNY")).isEqualTo("CNY");
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }
}
