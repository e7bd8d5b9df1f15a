package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where alerts of every feature go (section {@code alerts}): channels, each owner's channels, and
 * how failures are retried.
 *
 * @param channels the channels ({@code alerts.channels}, default none)
 * @param smtp the SMTP server of e-mail channels ({@code alerts.smtp})
 * @param owners owner (team) to its channels, comma-separated ({@code alerts.owners}, default none)
 * @param fallbackChannels channels for owner-routed alerts whose owner has none ({@code alerts.fallback-channels}, default none)
 * @param retryAttempts tries per notification ({@code alerts.retry-attempts}, default 4)
 * @param retryFirstDelaySeconds the wait after the first failure, tripled each time ({@code alerts.retry-first-delay-seconds}, default 2)
 * @param retryMaxDelaySeconds the longest wait ({@code alerts.retry-max-delay-seconds}, default 60)
 * @param updateGrowthPercent how much an alert must grow to be sent again as an update ({@code alerts.update-growth-percent}, default 20)
 * @param dailyDigestAt when {@code serve} sends the daily digests, UTC ({@code alerts.daily-digest-at}, default 08:00; empty: never)
 * @param weeklyDigestAt when {@code serve} sends the weekly digests, UTC ({@code alerts.weekly-digest-at}, default monday 08:00; empty: never)
 */
public record AlertsConfig(List<AlertChannelConfig> channels, SmtpConfig smtp, Map<String, List<String>> owners, List<String> fallbackChannels,
        int retryAttempts, int retryFirstDelaySeconds, int retryMaxDelaySeconds, int updateGrowthPercent, Optional<LocalTime> dailyDigestAt,
        Optional<WeeklyTime> weeklyDigestAt) {
    private static final LocalTime DIGEST_TIME = LocalTime.of(8, 0);

    public AlertsConfig {
        channels = List.copyOf(requireNonNull(channels, "channels is null"));
        requireNonNull(smtp, "smtp is null");
        owners = Map.copyOf(requireNonNull(owners, "owners is null"));
        fallbackChannels = List.copyOf(requireNonNull(fallbackChannels, "fallbackChannels is null"));
        requireNonNull(dailyDigestAt, "dailyDigestAt is null");
        requireNonNull(weeklyDigestAt, "weeklyDigestAt is null");
        Set<String> names = new HashSet<>();
        for (AlertChannelConfig channel : channels) {
            if (!names.add(channel.name())) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "alerts.channels names '%s' twice".formatted(channel.name()));
            }
            if (channel.type().equals("email") && smtp.host().isEmpty()) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "e-mail channel %s needs alerts.smtp.host".formatted(channel.name()));
            }
        }
        owners.forEach((owner, list) -> list.forEach(channel -> requireChannel(names, channel, "alerts.owners." + owner)));
        fallbackChannels.forEach(channel -> requireChannel(names, channel, "alerts.fallback-channels"));
        if (retryFirstDelaySeconds > retryMaxDelaySeconds) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "alerts.retry-first-delay-seconds must not exceed alerts.retry-max-delay-seconds");
        }
    }

    public static AlertsConfig defaults() {
        return new AlertsConfig(List.of(), SmtpConfig.defaults(), Map.of(), List.of(), 4, 2, 60, 20, Optional.of(DIGEST_TIME),
                Optional.of(new WeeklyTime(DayOfWeek.MONDAY, DIGEST_TIME)));
    }

    /** The channel names, to check routes against. */
    public Set<String> channelNames() {
        Set<String> names = new HashSet<>();
        channels.forEach(channel -> names.add(channel.name()));
        return names;
    }

    static AlertsConfig read(ConfigSection section) {
        AlertsConfig defaults = defaults();
        List<AlertChannelConfig> channels = section.list("channels", defaults.channels(), AlertChannelConfig::read, AlertChannelConfig::parse);
        SmtpConfig smtp = SmtpConfig.read(section.section("smtp"));
        Map<String, List<String>> owners = new LinkedHashMap<>();
        section.textMap("owners", Map.of()).forEach((owner, list) -> owners.put(owner,
                Arrays.stream(list.split("[,;]")).map(String::strip).filter(name -> !name.isEmpty()).toList()));
        List<String> fallback = section.texts("fallback-channels", defaults.fallbackChannels());
        int attempts = section.integer("retry-attempts", defaults.retryAttempts(), 1, 20);
        int first = section.integer("retry-first-delay-seconds", defaults.retryFirstDelaySeconds(), 0, 3_600);
        int max = section.integer("retry-max-delay-seconds", defaults.retryMaxDelaySeconds(), 0, 86_400);
        int growth = section.integer("update-growth-percent", defaults.updateGrowthPercent(), 0, 10_000);
        // Empty turns a digest off: the default is a time, so absent and empty differ here.
        Optional<LocalTime> daily = section.parsed("daily-digest-at", defaults.dailyDigestAt(),
                text -> text.isEmpty() ? Optional.empty() : Optional.of(WeeklyTime.timeOfDay(text)));
        Optional<WeeklyTime> weekly = section.parsed("weekly-digest-at", defaults.weeklyDigestAt(),
                text -> text.isEmpty() ? Optional.empty() : Optional.of(WeeklyTime.parse(text)));
        return section.construct(() -> new AlertsConfig(channels, smtp, owners, fallback, attempts, first, max, growth, daily, weekly));
    }

    private static void requireChannel(Set<String> names, String channel, String key) {
        if (!names.contains(channel)) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "%s names channel '%s', which alerts.channels does not define".formatted(key, channel));
        }
    }
}
