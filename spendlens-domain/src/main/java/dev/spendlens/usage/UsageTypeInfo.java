package dev.spendlens.usage;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A decoded Bedrock usage type.
 *
 * @param usageType the usage type as billed, e.g. {@code USE1-Claude4.6Sonnet-input-tokens-batch}
 * @param regionCode the AWS region the prefix names ({@code us-east-1}), or the prefix itself when unknown
 * @param model the model, e.g. {@code Claude4.6Sonnet}, {@code xai.grok-4.3}, or a Marketplace product name
 * @param tokenType which kind of token is metered, {@link TokenType#NONE} for other charges
 * @param pricingModel on-demand, batch, flex, ...
 * @param category what the charge is for
 * @param marketplace true for third-party models sold through AWS Marketplace
 * @param tokensPerUnit how many tokens one unit of {@code line_item_usage_amount} is (1,000 for '1K tokens'), 1 when not a token charge
 */
public record UsageTypeInfo(
        String usageType,
        String regionCode,
        String model,
        TokenType tokenType,
        PricingModel pricingModel,
        UsageCategory category,
        boolean marketplace,
        BigDecimal tokensPerUnit) {

    public UsageTypeInfo {
        requireNonNull(usageType, "usageType is null");
        requireNonNull(regionCode, "regionCode is null");
        requireNonNull(model, "model is null");
        requireNonNull(tokenType, "tokenType is null");
        requireNonNull(pricingModel, "pricingModel is null");
        requireNonNull(category, "category is null");
        requireNonNull(tokensPerUnit, "tokensPerUnit is null");
    }
}
