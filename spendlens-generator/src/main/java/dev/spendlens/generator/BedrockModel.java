package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A Bedrock model as billed.
 *
 * @param name the model as it appears in first-party usage types ({@code NovaLite}) or the Marketplace model name ({@code Claude Sonnet 4.6})
 * @param displayName human name, {@code Nova Lite}
 * @param provider the {@code provider} key of the product map
 * @param priceKey the key of {@code bedrock-prices.json} the per-token prices come from
 * @param marketplace sold through AWS Marketplace with an opaque product code
 * @param productCode {@code AmazonBedrock} or the Marketplace product code
 * @param seller the legal entity of the seller of record
 * @param pricingUnit {@code 1K tokens}, {@code 1M tokens} or, for Marketplace, {@code Units} of a million tokens
 * @param tokensPerUnit tokens in one pricing unit
 * @param inputPerToken on-demand price of an input token, USD
 * @param outputPerToken of an output token; empty for embeddings
 * @param cacheReadPerToken of a prompt-cache read, when offered
 * @param cacheWritePerToken of a 5-minute prompt-cache write, when offered
 * @param cacheWrite1hPerToken of a one-hour prompt-cache write, when offered
 * @param batchDiscounted batch price per input token when the price table names one, else half the on-demand price
 * @param embeddings an embeddings model (input tokens only)
 * @param globalProfile callable through a {@code global.} cross-region inference profile
 * @param serviceTiers offered in the flex and priority tiers
 */
record BedrockModel(
        String name,
        String displayName,
        String provider,
        String priceKey,
        boolean marketplace,
        String productCode,
        String seller,
        String pricingUnit,
        BigDecimal tokensPerUnit,
        BigDecimal inputPerToken,
        Optional<BigDecimal> outputPerToken,
        Optional<BigDecimal> cacheReadPerToken,
        Optional<BigDecimal> cacheWritePerToken,
        Optional<BigDecimal> cacheWrite1hPerToken,
        Optional<BigDecimal> batchDiscounted,
        boolean embeddings,
        boolean globalProfile,
        boolean serviceTiers) {

    private static final String MARKETPLACE_EDITION = " (Amazon Bedrock Edition)";

    BedrockModel {
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(priceKey, "priceKey is null");
        requireNonNull(productCode, "productCode is null");
        requireNonNull(seller, "seller is null");
        requireNonNull(pricingUnit, "pricingUnit is null");
        requireNonNull(tokensPerUnit, "tokensPerUnit is null");
        requireNonNull(inputPerToken, "inputPerToken is null");
        requireNonNull(outputPerToken, "outputPerToken is null");
        requireNonNull(cacheReadPerToken, "cacheReadPerToken is null");
        requireNonNull(cacheWritePerToken, "cacheWritePerToken is null");
        requireNonNull(cacheWrite1hPerToken, "cacheWrite1hPerToken is null");
        requireNonNull(batchDiscounted, "batchDiscounted is null");
    }

    /** The {@code product_name} of the product map. */
    String productName() {
        return marketplace ? displayName + MARKETPLACE_EDITION : "Amazon Bedrock";
    }

    boolean promptCache() {
        return cacheReadPerToken.isPresent() && cacheWritePerToken.isPresent();
    }
}
