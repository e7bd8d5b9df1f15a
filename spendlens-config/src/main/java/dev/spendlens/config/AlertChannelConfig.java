package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One alert channel (an item of {@code alerts.channels}).
 *
 * @param name how routes name it
 * @param type {@code webhook} or {@code email}
 * @param url the webhook's URL (webhook only)
 * @param format {@code slack} (Block Kit) or {@code generic} JSON (webhook only; default slack when the URL is Slack's, else generic)
 * @param headers extra request headers, such as {@code Authorization} (webhook only)
 * @param recipients e-mail addresses, any number (email only)
 */
public record AlertChannelConfig(String name, String type, Optional<URI> url, String format, Map<String, String> headers, List<String> recipients) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public AlertChannelConfig {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(url, "url is null");
        requireNonNull(format, "format is null");
        headers = Map.copyOf(requireNonNull(headers, "headers is null"));
        recipients = List.copyOf(requireNonNull(recipients, "recipients is null"));
        if (!NAME.matcher(name).matches()) {
            throw invalid("channel name '%s' must be letters, digits, '.', '_' or '-'".formatted(name));
        }
        switch (type) {
            case "webhook" -> {
                URI target = url.orElseThrow(() -> invalid("webhook channel %s needs a url".formatted(name)));
                if (!"https".equalsIgnoreCase(target.getScheme()) && !"http".equalsIgnoreCase(target.getScheme())) {
                    throw invalid("webhook channel %s: url must be http or https".formatted(name));
                }
                if (!format.equals("slack") && !format.equals("generic")) {
                    throw invalid("webhook channel %s: format must be slack or generic, not '%s'".formatted(name, format));
                }
            }
            case "email" -> {
                if (recipients.isEmpty()) {
                    throw invalid("email channel %s needs recipients".formatted(name));
                }
            }
            default -> throw invalid("channel %s: type must be webhook or email, not '%s'".formatted(name, type));
        }
    }

    static AlertChannelConfig read(ConfigSection section) {
        String name = section.requiredText("name");
        String type = section.text("type", "webhook").strip().toLowerCase(Locale.ROOT);
        Optional<URI> url = section.optionalParsed("url", URI::create);
        String format = section.text("format", url.map(AlertChannelConfig::defaultFormat).orElse("generic")).strip().toLowerCase(Locale.ROOT);
        Map<String, String> headers = section.textMap("headers", Map.of());
        List<String> recipients = section.texts("recipients", List.of());
        return section.construct(() -> new AlertChannelConfig(name, type, url, format, headers, recipients));
    }

    /** The short form of a variable: {@code name=https://hooks.slack.com/...} or {@code name=mailto:a@x.example;b@x.example}. */
    static AlertChannelConfig parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw invalid("a channel is written name=https://... or name=mailto:a@x.example;b@x.example, not '%s'".formatted(text));
        }
        String name = text.substring(0, equals).strip();
        String target = text.substring(equals + 1).strip();
        if (target.startsWith("mailto:")) {
            return new AlertChannelConfig(name, "email", Optional.empty(), "generic", Map.of(), List.of(target.substring("mailto:".length()).split(";")));
        }
        URI url = URI.create(target);
        return new AlertChannelConfig(name, "webhook", Optional.of(url), defaultFormat(url), Map.of(), List.of());
    }

    private static String defaultFormat(URI url) {
        return url.getHost() != null && url.getHost().endsWith("slack.com") ? "slack" : "generic";
    }

    @Override
    public String toString() {
        // Webhook URLs and headers hold secrets.
        return "AlertChannelConfig[%s, %s]".formatted(name, type);
    }

    private static SpendlensException invalid(String message) {
        return new SpendlensException(ErrorCode.INVALID_CONFIG, message);
    }
}
