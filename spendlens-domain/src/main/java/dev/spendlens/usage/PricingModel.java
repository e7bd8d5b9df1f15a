package dev.spendlens.usage;

/** How a Bedrock charge is priced. Checked in this order, as AWS's own dashboards do. */
public enum PricingModel {
    PROVISIONED,
    RESERVED,
    BATCH,
    FLEX,
    PRIORITY,
    LATENCY_OPTIMIZED,
    /** On-demand through a cross-region (geographic or global) inference profile. */
    CROSS_REGION,
    ON_DEMAND
}
