package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.money.ExchangeRate;
import dev.spendlens.money.ExchangeRates;
import dev.spendlens.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Display currency and exchange rates (section {@code currency}). The billing currency is always
 * shown beside the display currency.
 *
 * @param display the currency statements, budgets and forecasts are also shown in, such as EUR or GBP
 *                ({@code currency.display}, default empty: the billing currency only)
 * @param exchangeRates dated rates, each valid from its date until a later one of the same pair
 *                      ({@code currency.exchange-rates}, default none)
 */
public record CurrencyConfig(Optional<String> display, List<ExchangeRate> exchangeRates) {
    public CurrencyConfig {
        requireNonNull(display, "display is null").ifPresent(Money::checkCurrency);
        exchangeRates = List.copyOf(requireNonNull(exchangeRates, "exchangeRates is null"));
    }

    public static CurrencyConfig defaults() {
        return new CurrencyConfig(Optional.empty(), List.of());
    }

    public ExchangeRates rates() {
        return new ExchangeRates(exchangeRates);
    }

    static CurrencyConfig read(ConfigSection section) {
        Optional<String> display = section.optionalParsed("display", text -> Money.checkCurrency(text.toUpperCase(java.util.Locale.ROOT)));
        List<ExchangeRate> rates = section.list("exchange-rates", List.of(), CurrencyConfig::rate, CurrencyConfig::rate);
        return section.construct(() -> new CurrencyConfig(display, rates));
    }

    // {date: 2026-09-01, from: USD, to: EUR, rate: 0.92}
    private static ExchangeRate rate(ConfigSection item) {
        LocalDate date = item.parsed("date", null, CurrencyConfig::date);
        String from = item.requiredText("from").toUpperCase(java.util.Locale.ROOT);
        String to = item.requiredText("to").toUpperCase(java.util.Locale.ROOT);
        BigDecimal rate = item.parsed("rate", null, BigDecimal::new);
        if (date == null || rate == null) {
            throw item.failure("an exchange rate needs date, from, to and rate, e.g. {date: 2026-09-01, from: USD, to: EUR, rate: 0.92}");
        }
        return item.construct(() -> new ExchangeRate(date, from, to, rate));
    }

    // The short form, for variables: 2026-09-01:USD:EUR:0.92
    private static ExchangeRate rate(String text) {
        String[] parts = text.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("write an exchange rate as date:from:to:rate, e.g. 2026-09-01:USD:EUR:0.92");
        }
        return new ExchangeRate(date(parts[0].strip()), parts[1].strip().toUpperCase(java.util.Locale.ROOT), parts[2].strip().toUpperCase(java.util.Locale.ROOT),
                new BigDecimal(parts[3].strip()));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'%s' is not a date like 2026-09-01".formatted(text));
        }
    }
}
