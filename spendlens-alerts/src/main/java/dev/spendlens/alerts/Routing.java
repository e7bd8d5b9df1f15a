package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.Frequency;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who hears about what: the subscriptions, each owner's channels (team X's alerts to team X's
 * channel), and the channels that take an owner's alerts when the owner has none of its own.
 *
 * @param routes the subscriptions
 * @param ownerChannels owner (team) to its channels
 * @param fallbackChannels where an owner-routed alert goes when its owner is unknown or unmapped
 */
public record Routing(List<Route> routes, Map<String, List<String>> ownerChannels, List<String> fallbackChannels) {
    public Routing {
        routes = List.copyOf(requireNonNull(routes, "routes is null"));
        ownerChannels = Map.copyOf(requireNonNull(ownerChannels, "ownerChannels is null"));
        fallbackChannels = List.copyOf(requireNonNull(fallbackChannels, "fallbackChannels is null"));
    }

    /** One channel at one frequency, reached through a route. */
    public record Target(String channel, Frequency frequency, String route) {}

    /** Where an alert goes, and the routes that took it but found no channel. */
    public record Decision(List<Target> targets, List<String> unroutedRoutes) {}

    public Decision decide(Alert alert) {
        Set<Target> targets = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> unrouted = new ArrayList<>();
        for (Route route : routes) {
            if (!route.takes(alert)) {
                continue;
            }
            List<String> channels = new ArrayList<>(route.channels());
            if (route.toOwner()) {
                channels.addAll(alert.owner().map(owner -> ownerChannels.getOrDefault(owner, fallbackChannels)).orElse(fallbackChannels));
            }
            if (channels.isEmpty()) {
                unrouted.add(route.name());
            }
            for (String channel : channels) {
                // The same channel at the same frequency hears about an alert once, however many routes lead there.
                if (seen.add(channel + "\u0000" + route.frequency())) {
                    targets.add(new Target(channel, route.frequency(), route.name()));
                }
            }
        }
        return new Decision(List.copyOf(targets), List.copyOf(unrouted));
    }

    /** Throws unless every channel named here is one of {@code known}. */
    public void check(Set<String> known) {
        List<String> named = new ArrayList<>(fallbackChannels);
        routes.forEach(route -> named.addAll(route.channels()));
        ownerChannels.values().forEach(named::addAll);
        for (String channel : named) {
            if (!known.contains(channel)) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "alert routing names channel '%s', which is not configured (known: %s)".formatted(channel,
                        known.isEmpty() ? "none" : String.join(", ", known.stream().sorted().toList())));
            }
        }
    }
}
