package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alerts.WebhookFormat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where budget alerts and hard-limit actions go (section {@code budgets}).
 *
 * @param webhook the URL budget alerts (and hard-limit actions) are posted to, through spendlens-alerts' webhook channel; empty: alerts are only logged
 * @param format Slack Block Kit or generic JSON
 * @param policyDirectory where deny-policy documents are written when a hard limit is crossed
 */
public record BudgetSettings(Optional<URI> webhook, WebhookFormat format, Path policyDirectory) {
    public BudgetSettings {
        requireNonNull(webhook, "webhook is null");
        requireNonNull(format, "format is null");
        requireNonNull(policyDirectory, "policyDirectory is null");
    }

    public static BudgetSettings defaults() {
        return new BudgetSettings(Optional.empty(), WebhookFormat.GENERIC, Path.of("spendlens-data", "deny-policies"));
    }
}
