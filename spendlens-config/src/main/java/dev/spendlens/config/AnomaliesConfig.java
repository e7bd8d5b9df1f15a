package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cost anomaly detection (section {@code anomalies}): the monitors, the subscriptions, the holiday
 * calendar and how sure and how big a rise must be.
 *
 * @param monitors what is watched ({@code anomalies.monitors}; default principals, people, teams, models and accounts)
 * @param subscriptions who hears about anomalies ({@code anomalies.subscriptions}; default every anomaly to its owner, at once)
 * @param holidays days spent like weekends ({@code anomalies.holidays}, default none)
 * @param lookbackDays history each run learns from ({@code anomalies.lookback-days}, default 400)
 * @param alertWindowDays anomalies that ended longer ago than this are kept but not alerted ({@code anomalies.alert-window-days}, default 3)
 * @param plannedSuppressionDays after feedback "planned activity", new anomalies of the same series stay quiet this long
 *                               ({@code anomalies.planned-suppression-days}, default 30)
 * @param ownerDimension the allocation dimension that names an anomaly's owner ({@code anomalies.owner-dimension}, default team)
 * @param minimumScore the least score ({@code anomalies.minimum-score}, default 4)
 * @param minimumImpact the least rise in one bucket, in the billing currency ({@code anomalies.minimum-impact}, default 1)
 * @param minimumRisePercent the least rise over the baseline ({@code anomalies.minimum-rise-percent}, default 30)
 * @param newSeriesPercentile how big a new series must start, as a percentile of the established series' typical spend
 *                            ({@code anomalies.new-series-percentile}, default 90)
 */
public record AnomaliesConfig(List<MonitorConfig> monitors, List<SubscriptionConfig> subscriptions, List<LocalDate> holidays, int lookbackDays,
        int alertWindowDays, int plannedSuppressionDays, String ownerDimension, double minimumScore, double minimumImpact, int minimumRisePercent,
        int newSeriesPercentile) {
    public AnomaliesConfig {
        monitors = List.copyOf(requireNonNull(monitors, "monitors is null"));
        subscriptions = List.copyOf(requireNonNull(subscriptions, "subscriptions is null"));
        holidays = List.copyOf(requireNonNull(holidays, "holidays is null"));
        requireNonNull(ownerDimension, "ownerDimension is null");
        Set<String> names = new HashSet<>();
        for (MonitorConfig monitor : monitors) {
            if (!names.add(monitor.name())) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "anomalies.monitors names '%s' twice".formatted(monitor.name()));
            }
        }
        for (SubscriptionConfig subscription : subscriptions) {
            for (String monitor : subscription.monitors()) {
                if (!names.contains(monitor)) {
                    throw new SpendlensException(ErrorCode.INVALID_CONFIG,
                            "subscription %s names monitor '%s', which anomalies.monitors does not define".formatted(subscription.name(), monitor));
                }
            }
        }
        if (minimumScore <= 0 || minimumImpact < 0) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "anomalies.minimum-score must be above 0 and anomalies.minimum-impact 0 or more");
        }
    }

    public static AnomaliesConfig defaults() {
        return new AnomaliesConfig(defaultMonitors(), List.of(SubscriptionConfig.owners()), List.of(), 400, 3, 30, "team", 4, 1, 30, 90);
    }

    public static List<MonitorConfig> defaultMonitors() {
        return List.of(MonitorConfig.dimensional("principals", "PRINCIPAL"), MonitorConfig.dimensional("people", "PERSON"),
                MonitorConfig.dimensional("teams", "team"), MonitorConfig.dimensional("models", "MODEL"),
                MonitorConfig.dimensional("accounts", "LINKED_ACCOUNT"));
    }

    static AnomaliesConfig read(ConfigSection section) {
        AnomaliesConfig defaults = defaults();
        List<MonitorConfig> monitors = section.list("monitors", defaults.monitors(), MonitorConfig::read, MonitorConfig::parse);
        List<SubscriptionConfig> subscriptions = section.list("subscriptions", defaults.subscriptions(), SubscriptionConfig::read, SubscriptionConfig::parse);
        List<LocalDate> holidays = section.list("holidays", defaults.holidays(), item -> {
            throw item.failure("must be a list of dates such as 2026-12-25");
        }, AnomaliesConfig::date);
        int lookback = section.integer("lookback-days", defaults.lookbackDays(), 14, 3_660);
        int window = section.integer("alert-window-days", defaults.alertWindowDays(), 0, 366);
        int planned = section.integer("planned-suppression-days", defaults.plannedSuppressionDays(), 0, 3_660);
        String owner = section.text("owner-dimension", defaults.ownerDimension()).strip();
        double score = section.parsed("minimum-score", defaults.minimumScore(), Double::parseDouble);
        double impact = section.parsed("minimum-impact", defaults.minimumImpact(), Double::parseDouble);
        int rise = section.integer("minimum-rise-percent", defaults.minimumRisePercent(), 0, 10_000);
        int percentile = section.integer("new-series-percentile", defaults.newSeriesPercentile(), 0, 100);
        return section.construct(() -> new AnomaliesConfig(monitors, subscriptions, holidays, lookback, window, planned, owner, score, impact, rise, percentile));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "holiday '%s' is not a date such as 2026-12-25".formatted(text));
        }
    }
}
