package dev.spendlens.costquery;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a cost query sums. The first three carry Cost Explorer's names; {@code Tokens} is Spendlens's
 * own: token counts normalised across '1K tokens', '1M tokens' and Marketplace 'Units'.
 */
public enum Metric {
    UNBLENDED_COST("UnblendedCost"),
    NET_UNBLENDED_COST("NetUnblendedCost"),
    USAGE_QUANTITY("UsageQuantity"),
    TOKENS("Tokens");

    private final String apiName;

    Metric(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in requests and responses, e.g. {@code UnblendedCost}. */
    public String apiName() {
        return apiName;
    }

    public boolean isCost() {
        return switch (this) {
            case UNBLENDED_COST, NET_UNBLENDED_COST -> true;
            case USAGE_QUANTITY, TOKENS -> false;
        };
    }

    /** Accepts {@code UnblendedCost}, {@code unblendedcost} or {@code UNBLENDED_COST}. */
    public static Metric parse(String value) {
        String wanted = value.strip().replace("_", "");
        for (Metric metric : values()) {
            if (metric.apiName.equalsIgnoreCase(wanted)) {
                return metric;
            }
        }
        throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "metric '%s' is not one of %s".formatted(value,
                Arrays.stream(values()).map(Metric::apiName).collect(Collectors.joining(", "))));
    }
}
