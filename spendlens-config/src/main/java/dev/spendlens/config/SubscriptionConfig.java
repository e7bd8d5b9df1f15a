package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.Threshold;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An anomaly subscription (an item of {@code anomalies.subscriptions}): which monitors' anomalies,
 * above which threshold, go to which channels, how often.
 *
 * @param name its name
 * @param monitors the monitors it covers; empty covers all
 * @param threshold absolute impact and/or impact percent, combined with AND or OR; none lets every anomaly through
 * @param frequency {@code IMMEDIATE}, {@code DAILY} or {@code WEEKLY} (a digest)
 * @param channels channels that always get its alerts
 * @param toOwner whether the anomaly's owner (its team) gets them on its own channels ({@code alerts.owners}); default true
 */
public record SubscriptionConfig(String name, List<String> monitors, Threshold threshold, Frequency frequency, List<String> channels, boolean toOwner) {
    public SubscriptionConfig {
        requireNonNull(name, "name is null");
        monitors = List.copyOf(requireNonNull(monitors, "monitors is null"));
        requireNonNull(threshold, "threshold is null");
        requireNonNull(frequency, "frequency is null");
        channels = List.copyOf(requireNonNull(channels, "channels is null"));
        if (channels.isEmpty() && !toOwner) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "subscription %s sends nowhere: name channels or set to-owner: true".formatted(name));
        }
    }

    /** Every anomaly, at once, to its owner's channels. */
    public static SubscriptionConfig owners() {
        return new SubscriptionConfig("owners", List.of(), Threshold.none(), Frequency.IMMEDIATE, List.of(), true);
    }

    static SubscriptionConfig read(ConfigSection section) {
        String name = section.requiredText("name");
        List<String> monitors = section.texts("monitors", List.of());
        Optional<BigDecimal> absolute = section.optionalParsed("threshold-absolute", BigDecimal::new);
        Optional<BigDecimal> percent = section.optionalParsed("threshold-percent", BigDecimal::new);
        Threshold.Combination combination = section.parsed("threshold-combination", Threshold.Combination.OR, Threshold.Combination::parse);
        Frequency frequency = section.parsed("frequency", Frequency.IMMEDIATE, Frequency::parse);
        List<String> channels = section.texts("channels", List.of());
        boolean toOwner = section.flag("to-owner", true);
        return section.construct(() -> new SubscriptionConfig(name, monitors, new Threshold(absolute, percent, combination), frequency, channels, toOwner));
    }

    static SubscriptionConfig parse(String text) {
        throw new SpendlensException(ErrorCode.INVALID_CONFIG, "subscriptions are mappings: write them in the file, not in a variable ('%s')".formatted(text));
    }
}
