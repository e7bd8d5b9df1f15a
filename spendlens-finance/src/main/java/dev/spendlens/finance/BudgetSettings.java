package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where budget alerts and hard-limit actions go.
 *
 * @param webhook the URL budget alerts are posted to, if any
 * @param policyDirectory where deny-policy documents are written when a hard limit is crossed
 */
public record BudgetSettings(Optional<URI> webhook, Path policyDirectory) {
    public BudgetSettings {
        requireNonNull(webhook, "webhook is null");
        requireNonNull(policyDirectory, "policyDirectory is null");
    }

    public static BudgetSettings defaults() {
        return new BudgetSettings(Optional.empty(), Path.of("spendlens-data", "deny-policies"));
    }
}
