package dev.spendlens.generator;

import java.math.BigDecimal;

/** How a Bedrock model is invoked, which decides the usage type suffix and the price. */
enum InferenceMode {
    ON_DEMAND("", "", "1", "On-demand Inference"),
    BATCH("-batch", "_Batch", "0.5", "Batch Inference"),
    CROSS_REGION_GLOBAL("-cross-region-global", "_Global", "1", "Cross-region Inference"),
    // Assumption: the service tiers cost half (flex) and 1.75 times (priority) the standard price.
    FLEX("-flex", "", "0.5", "Flex Inference"),
    PRIORITY("-priority", "", "1.75", "Priority Inference");

    private final String firstPartySuffix;
    private final String marketplaceSuffix;
    private final BigDecimal priceFactor;
    private final String feature;

    InferenceMode(String firstPartySuffix, String marketplaceSuffix, String priceFactor, String feature) {
        this.firstPartySuffix = firstPartySuffix;
        this.marketplaceSuffix = marketplaceSuffix;
        this.priceFactor = new BigDecimal(priceFactor);
        this.feature = feature;
    }

    String firstPartySuffix() {
        return firstPartySuffix;
    }

    String marketplaceSuffix() {
        return marketplaceSuffix;
    }

    BigDecimal priceFactor() {
        return priceFactor;
    }

    /** The {@code feature} key of the product map. */
    String feature() {
        return feature;
    }

    boolean availableFor(BedrockModel model) {
        return switch (this) {
            case ON_DEMAND -> true;
            case BATCH -> !model.embeddings();
            case CROSS_REGION_GLOBAL -> model.globalProfile();
            case FLEX, PRIORITY -> model.serviceTiers();
        };
    }
}
