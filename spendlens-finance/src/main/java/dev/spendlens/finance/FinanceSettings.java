package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.chargeback.SharedCostRule;
import dev.spendlens.config.BudgetsConfig;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.money.ExchangeRates;

import java.util.List;
import java.util.Optional;

/**
 * What the finance features are configured with (sections {@code chargeback}, {@code currency}, {@code budgets}).
 *
 * @param chargebackDimension the dimension statements charge, by default
 * @param sharedCosts how the reserved buckets are split
 * @param rates the dated exchange rates
 * @param displayCurrency the currency amounts are also shown in, if any
 * @param budgets which alert channels budget alerts go to, and where deny policies are written
 */
public record FinanceSettings(String chargebackDimension, List<SharedCostRule> sharedCosts, ExchangeRates rates, Optional<String> displayCurrency,
        BudgetsConfig budgets) {
    public FinanceSettings {
        requireNonNull(chargebackDimension, "chargebackDimension is null");
        sharedCosts = SharedCostRule.complete(requireNonNull(sharedCosts, "sharedCosts is null"));
        requireNonNull(rates, "rates is null");
        requireNonNull(displayCurrency, "displayCurrency is null");
        requireNonNull(budgets, "budgets is null");
    }

    public static FinanceSettings defaults() {
        return new FinanceSettings("cost-center", SharedCostRule.defaults(), ExchangeRates.none(), Optional.empty(), BudgetsConfig.defaults());
    }

    /** The finance sections of a configuration: {@code chargeback}, {@code currency} and {@code budgets}. */
    public static FinanceSettings of(SpendlensConfig config) {
        return new FinanceSettings(config.chargeback().dimension(), config.chargeback().sharedCosts(), config.currency().rates(), config.currency().display(),
                config.budgets());
    }
}
