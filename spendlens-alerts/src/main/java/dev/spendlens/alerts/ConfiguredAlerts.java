package dev.spendlens.alerts;

import dev.spendlens.alert.AlertLog;
import dev.spendlens.config.AlertChannelConfig;
import dev.spendlens.config.AlertsConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds channels and a dispatcher from the {@code alerts} section, so that every feature sends
 * through the same channels, owner map and retry policy and adds only its own routes.
 */
public final class ConfiguredAlerts {
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(15);

    private ConfiguredAlerts() {}

    public static List<Channel> channels(AlertsConfig config) {
        List<Channel> channels = new ArrayList<>();
        for (AlertChannelConfig channel : config.channels()) {
            switch (channel.type()) {
                case "webhook" -> channels.add(new WebhookChannel(channel.name(), channel.url().orElseThrow(), WebhookFormat.parse(channel.format()), channel.headers(),
                        WEBHOOK_TIMEOUT));
                case "email" -> channels.add(new EmailChannel(channel.name(), config.smtp(), channel.recipients()));
                default -> throw new IllegalStateException("AlertChannelConfig refuses type " + channel.type());
            }
        }
        return channels;
    }

    public static RetryPolicy retry(AlertsConfig config) {
        return new RetryPolicy(config.retryAttempts(), Duration.ofSeconds(config.retryFirstDelaySeconds()), 3, Duration.ofSeconds(config.retryMaxDelaySeconds()));
    }

    /** A dispatcher over the configured channels, owner map and retries, with a feature's routes. */
    public static Dispatcher dispatcher(AlertsConfig config, List<Route> routes, AlertLog log, Clock clock) {
        Routing routing = new Routing(routes, config.owners(), config.fallbackChannels());
        return new Dispatcher(channels(config), routing, log, retry(config), RetryPolicy.Sleeper.REAL, clock, config.updateGrowthPercent() / 100.0);
    }
}
