package dev.spendlens.chargeback;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;

/** How a shared cost is split among the owners of a statement. */
public enum SharedCostMethod {
    /** In proportion to each owner's own (directly allocated) spend of the month. */
    PROPORTIONAL,
    /** Equally among the owners with spend in the month. */
    EVEN,
    /** By fixed percentages per owner, which add up to 100. */
    FIXED;

    public static SharedCostMethod parse(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SharedCostMethod method : values()) {
            if (method.name().equals(wanted)) {
                return method;
            }
        }
        throw new SpendlensException(ErrorCode.INVALID_CONFIG, "shared-cost method '%s' is not one of proportional, even, fixed".formatted(text));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
