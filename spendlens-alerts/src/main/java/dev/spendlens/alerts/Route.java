package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.Severity;
import dev.spendlens.alert.Threshold;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.List;
import java.util.Set;

/**
 * A subscription: which alerts (by source, scope, owner, severity and size) go to which channels,
 * and how often. An anomaly subscription and a budget's notification are both routes.
 *
 * @param name the subscription's name, shown in the delivery log
 * @param sources the alert sources it takes ({@code anomaly}, {@code budget}); empty takes all
 * @param scopes the scopes it takes (monitor or budget names); empty takes all
 * @param owners the owners it takes (teams); empty takes all
 * @param minimumSeverity the least severity it takes
 * @param threshold how big an alert must be
 * @param frequency immediate, or a daily or weekly digest
 * @param channels channels that always receive it
 * @param toOwner whether the owner's channels (routing's owner map) receive it too
 */
public record Route(String name, Set<String> sources, Set<String> scopes, Set<String> owners, Severity minimumSeverity, Threshold threshold,
        Frequency frequency, List<String> channels, boolean toOwner) {
    public Route {
        requireNonNull(name, "name is null");
        sources = Set.copyOf(requireNonNull(sources, "sources is null"));
        scopes = Set.copyOf(requireNonNull(scopes, "scopes is null"));
        owners = Set.copyOf(requireNonNull(owners, "owners is null"));
        requireNonNull(minimumSeverity, "minimumSeverity is null");
        requireNonNull(threshold, "threshold is null");
        requireNonNull(frequency, "frequency is null");
        channels = List.copyOf(requireNonNull(channels, "channels is null"));
        if (channels.isEmpty() && !toOwner) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "subscription '%s' sends nowhere: name channels or route it to the owner".formatted(name));
        }
    }

    public boolean takes(Alert alert) {
        return (sources.isEmpty() || sources.contains(alert.source()))
                && (scopes.isEmpty() || scopes.contains(alert.scope()))
                && (owners.isEmpty() || alert.owner().map(owners::contains).orElse(false))
                && alert.severity().compareTo(minimumSeverity) >= 0
                && threshold.met(alert);
    }
}
