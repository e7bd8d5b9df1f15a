package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.Allocator;

/**
 * Everything {@code spendlens.yaml} configures, one record per top-level section. Every value is
 * checked when loaded; {@link #defaults()} is what an empty file gives.
 *
 * <p>To add a section (say {@code alerts}): write a record {@code AlertsConfig} with its checks in the
 * constructor, a {@code defaults()} and a {@code static AlertsConfig read(ConfigSection section)} that
 * reads every key; add it here as a component, to {@link #defaults()} and to {@link #read}; document
 * its keys in {@code docs/configuration.md} and {@code spendlens.example.yaml}; test its defaults and
 * full key mapping. Unknown-key checks and {@code SPENDLENS_ALERTS_...} variables come for free.
 *
 * @param store the embedded DuckDB store ({@code store})
 * @param ingest where exports are read from ({@code ingest})
 * @param allocation who owns a charge ({@code allocation})
 * @param server the HTTP API and dashboard ({@code server})
 * @param privacy how people are shown ({@code privacy})
 * @param currency display currency and exchange rates ({@code currency})
 * @param chargeback chargeback statements ({@code chargeback})
 * @param budgets where budget alerts go ({@code budgets})
 * @param alerts where alerts go ({@code alerts})
 * @param anomalies cost anomaly detection ({@code anomalies})
 */
public record SpendlensConfig(StoreConfig store, IngestConfig ingest, AllocationConfig allocation, ServerConfig server, PrivacyConfig privacy,
        CurrencyConfig currency, ChargebackConfig chargeback, BudgetsConfig budgets, AlertsConfig alerts, AnomaliesConfig anomalies) {
    public SpendlensConfig {
        requireNonNull(store, "store is null");
        requireNonNull(ingest, "ingest is null");
        requireNonNull(allocation, "allocation is null");
        requireNonNull(server, "server is null");
        requireNonNull(privacy, "privacy is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(chargeback, "chargeback is null");
        requireNonNull(budgets, "budgets is null");
        requireNonNull(alerts, "alerts is null");
        requireNonNull(anomalies, "anomalies is null");
        for (SubscriptionConfig subscription : anomalies.subscriptions()) {
            for (String channel : subscription.channels()) {
                if (!alerts.channelNames().contains(channel)) {
                    throw new dev.spendlens.error.SpendlensException(dev.spendlens.error.ErrorCode.INVALID_CONFIG,
                            "anomaly subscription %s names channel '%s', which alerts.channels does not define".formatted(subscription.name(), channel));
                }
            }
        }
    }

    public static SpendlensConfig defaults() {
        return new SpendlensConfig(StoreConfig.defaults(), IngestConfig.defaults(), AllocationConfig.defaults(), ServerConfig.defaults(), PrivacyConfig.defaults(),
                CurrencyConfig.defaults(), ChargebackConfig.defaults(), BudgetsConfig.defaults(), AlertsConfig.defaults(), AnomaliesConfig.defaults());
    }

    /** The allocation policy, reading the rules and people files named by the configuration. */
    public AllocationPolicy allocationPolicy() {
        return allocation.policy();
    }

    /** The allocator: the allocation policy, with people pseudonymised when {@code privacy.pseudonymize-people} is on. */
    public Allocator allocator() {
        return new Allocator(allocationPolicy(), privacy.pseudonymizer());
    }

    static SpendlensConfig read(ConfigSection root) {
        return new SpendlensConfig(
                StoreConfig.read(root.section("store")),
                IngestConfig.read(root.section("ingest")),
                AllocationConfig.read(root.section("allocation")),
                ServerConfig.read(root.section("server")),
                PrivacyConfig.read(root.section("privacy")),
                CurrencyConfig.read(root.section("currency")),
                ChargebackConfig.read(root.section("chargeback")),
                BudgetsConfig.read(root.section("budgets")),
                AlertsConfig.read(root.section("alerts")),
                AnomaliesConfig.read(root.section("anomalies")));
    }
}
