package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where budget alerts go (section {@code budgets}); the budgets themselves live in the store. Budget
 * alerts travel through the {@code alerts} channels, like anomalies: the same owner map, fallback
 * channels, retries and delivery log.
 *
 * @param channels names of {@code alerts.channels} that receive every budget alert ({@code budgets.channels}, default none)
 * @param toOwner whether the budget's owner (its {@code --owner}, else the team it is scoped to) also gets them on its
 *                channels of {@code alerts.owners}, or the fallback channels ({@code budgets.to-owner}, default true)
 * @param policyDirectory where deny-policy documents are written when a hard limit is crossed
 *                        ({@code budgets.policy-dir}, default {@code ./spendlens-data/deny-policies})
 */
public record BudgetsConfig(List<String> channels, boolean toOwner, Path policyDirectory) {
    public BudgetsConfig {
        channels = List.copyOf(requireNonNull(channels, "channels is null"));
        requireNonNull(policyDirectory, "policyDirectory is null");
        Set<String> seen = new HashSet<>();
        for (String channel : channels) {
            if (channel.isBlank() || !seen.add(channel)) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "budgets.channels %s '%s'".formatted(channel.isBlank() ? "holds an empty name" : "names twice", channel));
            }
        }
    }

    public static BudgetsConfig defaults() {
        return new BudgetsConfig(List.of(), true, Path.of("spendlens-data", "deny-policies"));
    }

    /** Throws unless every channel named here is one of {@code alerts.channels}. */
    public void checkChannels(Set<String> known) {
        for (String channel : channels) {
            if (!known.contains(channel)) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "budgets.channels names channel '%s', which alerts.channels does not define (defined: %s)"
                        .formatted(channel, known.isEmpty() ? "none" : String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    static BudgetsConfig read(ConfigSection section) {
        BudgetsConfig defaults = defaults();
        List<String> channels = section.texts("channels", defaults.channels()).stream().map(String::strip).toList();
        boolean toOwner = section.flag("to-owner", defaults.toOwner());
        Path policies = section.path("policy-dir", defaults.policyDirectory());
        return section.construct(() -> new BudgetsConfig(channels, toOwner, policies));
    }
}
