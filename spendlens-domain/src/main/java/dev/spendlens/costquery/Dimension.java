package dev.spendlens.costquery;

import java.util.Locale;
import java.util.Optional;

/**
 * The built-in dimensions of the fact tables. Names follow Cost Explorer where it has the same
 * dimension ({@code LINKED_ACCOUNT}, {@code USAGE_TYPE}, {@code RECORD_TYPE}...); the rest are what
 * Cost Explorer lacks: the caller, the person, the model and the token type.
 */
public enum Dimension {
    PRINCIPAL,
    PRINCIPAL_TYPE,
    ROLE,
    PERSON,
    LINKED_ACCOUNT,
    LINKED_ACCOUNT_NAME,
    PAYER_ACCOUNT,
    REGION,
    MODEL,
    TOKEN_TYPE,
    PRICING_MODEL,
    USAGE_CATEGORY,
    USAGE_TYPE,
    OPERATION,
    RECORD_TYPE,
    SERVICE,
    BILLING_ENTITY,
    INVOICE_ID,
    RESOURCE_ID;

    public static Optional<Dimension> find(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (Dimension dimension : values()) {
            if (dimension.name().equals(wanted)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }
}
