package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where budget alerts go (section {@code budgets}); the budgets themselves live in the store.
 *
 * @param webhookUrl the http(s) URL budget alerts and hard-limit actions are posted to ({@code budgets.webhook-url}, default empty: alerts are only logged)
 * @param webhookFormat {@code generic} JSON or {@code slack} Block Kit ({@code budgets.webhook-format}, default {@code generic})
 * @param policyDirectory where deny-policy documents are written when a hard limit is crossed
 *                        ({@code budgets.policy-dir}, default {@code ./spendlens-data/deny-policies})
 */
public record BudgetsConfig(Optional<URI> webhookUrl, String webhookFormat, Path policyDirectory) {
    public BudgetsConfig {
        requireNonNull(webhookUrl, "webhookUrl is null");
        requireNonNull(webhookFormat, "webhookFormat is null");
        requireNonNull(policyDirectory, "policyDirectory is null");
        if (!webhookFormat.equals("generic") && !webhookFormat.equals("slack")) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "budgets.webhook-format '%s' is not generic or slack".formatted(webhookFormat));
        }
    }

    public static BudgetsConfig defaults() {
        return new BudgetsConfig(Optional.empty(), "generic", Path.of("spendlens-data", "deny-policies"));
    }

    static BudgetsConfig read(ConfigSection section) {
        BudgetsConfig defaults = defaults();
        Optional<URI> url = section.optionalParsed("webhook-url", BudgetsConfig::url);
        String format = section.text("webhook-format", defaults.webhookFormat()).strip().toLowerCase(Locale.ROOT);
        Path policies = section.path("policy-dir", defaults.policyDirectory());
        return section.construct(() -> new BudgetsConfig(url, format, policies));
    }

    private static URI url(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an http or https URL such as https://hooks.slack.com/services/...");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getReason());
        }
    }
}
