package dev.spendlens.alerts;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;

/** The JSON a webhook receives: Slack's incoming-webhook message (also understood by Mattermost and Rocket.Chat), or Spendlens's own. */
public enum WebhookFormat {
    SLACK,
    GENERIC;

    public static WebhookFormat parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "webhook format '%s' is not slack or generic".formatted(value));
        }
    }
}
