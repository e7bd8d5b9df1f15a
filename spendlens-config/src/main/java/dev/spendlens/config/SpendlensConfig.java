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
        budgets.checkChannels(alerts.channelNames());
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
        StoreConfig store = StoreConfig.read(root.section("store"));
        IngestConfig ingest = IngestConfig.read(root.section("ingest"));
        AllocationConfig allocation = AllocationConfig.read(root.section("allocation"));
        ServerConfig server = ServerConfig.read(root.section("server"));
        PrivacyConfig privacy = PrivacyConfig.read(root.section("privacy"));
        CurrencyConfig currency = CurrencyConfig.read(root.section("currency"));
        ChargebackConfig chargeback = ChargebackConfig.read(root.section("chargeback"));
        ConfigSection budgetsSection = root.section("budgets");
        BudgetsConfig budgets = BudgetsConfig.read(budgetsSection);
        AlertsConfig alerts = AlertsConfig.read(root.section("alerts"));
        // Checked here too, so that an unknown channel is reported at the line or variable that names it.
        budgetsSection.checked("channels", budgets.channels(), channels -> budgets.checkChannels(alerts.channelNames()));
        AnomaliesConfig anomalies = AnomaliesConfig.read(root.section("anomalies"));
        return new SpendlensConfig(store, ingest, allocation, server, privacy, currency, chargeback, budgets, alerts, anomalies);
    }
}
