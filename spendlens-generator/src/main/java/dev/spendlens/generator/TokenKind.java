package dev.spendlens.generator;

import java.math.BigDecimal;
import java.util.Optional;

/** A kind of token Bedrock meters, with its name in first-party and in Marketplace usage types. */
enum TokenKind {
    INPUT("input-tokens", "InputTokenCount", "Input tokens"),
    OUTPUT("output-tokens", "OutputTokenCount", "Output tokens"),
    CACHE_READ("cache-read-input-tokens", "CacheReadInputTokenCount", "Cache read input tokens"),
    CACHE_WRITE("cache-write-input-tokens", "CacheWriteInputTokenCount", "Cache write input tokens"),
    CACHE_WRITE_1H("cache-write-1h-input-tokens", "CacheWrite1hInputTokenCount", "Cache write 1h input tokens");

    private final String firstPartyMeter;
    private final String marketplaceMeter;
    private final String inferenceType;

    TokenKind(String firstPartyMeter, String marketplaceMeter, String inferenceType) {
        this.firstPartyMeter = firstPartyMeter;
        this.marketplaceMeter = marketplaceMeter;
        this.inferenceType = inferenceType;
    }

    String firstPartyMeter() {
        return firstPartyMeter;
    }

    String marketplaceMeter() {
        return marketplaceMeter;
    }

    /** The {@code inference_type} key of the product map. */
    String inferenceType() {
        return inferenceType;
    }

    /** The on-demand price of one token of this kind, empty when the model does not offer it. */
    Optional<BigDecimal> pricePerToken(BedrockModel model) {
        return switch (this) {
            case INPUT -> Optional.of(model.inputPerToken());
            case OUTPUT -> model.outputPerToken();
            case CACHE_READ -> model.cacheReadPerToken();
            case CACHE_WRITE -> model.cacheWritePerToken();
            case CACHE_WRITE_1H -> model.cacheWrite1hPerToken();
        };
    }
}
