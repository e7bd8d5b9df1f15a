package dev.spendlens.generator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The models the synthetic organisation calls, with per-token prices taken from the public price
 * table {@code shared/data/bedrock-prices.json} (snapshot of 2026-07-24; each model names its key).
 * Older first-party models are priced per '1K tokens', newer ones per '1M tokens', Marketplace
 * models in 'Units' of a million tokens, as CUR shows them.
 */
final class ModelCatalog {
    static final String FIRST_PARTY_CODE = "AmazonBedrock";
    static final String AWS_LEGAL_ENTITY = "Amazon Web Services, Inc.";
    static final String ANTHROPIC = "Anthropic, PBC";
    static final String PER_1K = "1K tokens";
    static final String PER_1M = "1M tokens";
    static final String MARKETPLACE_UNITS = "Units";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    static final BedrockModel NOVA_MICRO = firstParty("NovaMicro", "Nova Micro", "Amazon", "amazon.nova-micro-v1:0", PER_1K,
            "3.5e-08", "1.4e-07", false, false, false);
    static final BedrockModel NOVA_LITE = firstParty("NovaLite", "Nova Lite", "Amazon", "amazon.nova-lite-v1:0", PER_1K,
            "6e-08", "2.4e-07", false, false, false);
    static final BedrockModel NOVA_PRO = firstParty("NovaPro", "Nova Pro", "Amazon", "amazon.nova-pro-v1:0", PER_1K,
            "8e-07", "3.2e-06", false, false, false);
    // The table lists no cache-write price for Nova 2 Lite: Nova bills prompt-cache writes at the input price.
    static final BedrockModel NOVA_2_LITE = withCache(firstParty("Nova2Lite", "Nova 2 Lite", "Amazon", "amazon.nova-2-lite-v1:0", PER_1M,
            "3e-07", "2.5e-06", false, true, true), "7.5e-08", "3e-07");
    static final BedrockModel LLAMA_3_3_70B = firstParty("Llama3.3Instruct70B", "Llama 3.3 70B Instruct", "Meta", "meta.llama3-3-70b-instruct-v1:0", PER_1K,
            "7.2e-07", "7.2e-07", false, false, false);
    static final BedrockModel LLAMA_4_MAVERICK = withBatch(firstParty("Llama4Maverick", "Llama 4 Maverick 17B", "Meta",
            "meta.llama4-maverick-17b-instruct-v1:0", PER_1M, "2.4e-07", "9.7e-07", false, false, true), "1.2e-07");
    static final BedrockModel DEEPSEEK_V3_2 = firstParty("DeepSeekV3.2", "DeepSeek V3.2", "DeepSeek", "deepseek.v3.2", PER_1M,
            "6.2e-07", "1.85e-06", false, false, false);
    static final BedrockModel MISTRAL_LARGE_3 = firstParty("MistralLarge3", "Mistral Large 3", "Mistral AI", "mistral.mistral-large-3-675b-instruct", PER_1M,
            "5e-07", "1.5e-06", false, false, false);
    static final BedrockModel TITAN_EMBED_TEXT_V2 = firstParty("TitanEmbedTextV2", "Titan Text Embeddings V2", "Amazon", "amazon.titan-embed-text-v2:0", PER_1K,
            "2e-08", "0", true, false, false);

    static final BedrockModel CLAUDE_SONNET_4_6 = marketplace("Claude Sonnet 4.6", "anthropic.claude-sonnet-4-6", "b3xq7k2m9d1r5t8w4z6y0p2cs",
            "3e-06", "1.5e-05", "3e-07", "3.75e-06", "6e-06");
    static final BedrockModel CLAUDE_HAIKU_4_5 = marketplace("Claude Haiku 4.5", "anthropic.claude-haiku-4-5-20251001-v1:0", "5nq8h2v7x1k4m9r3t6w0z2y8h",
            "1e-06", "5e-06", "1e-07", "1.25e-06", "2e-06");
    static final BedrockModel CLAUDE_OPUS_4_6 = marketplace("Claude Opus 4.6", "anthropic.claude-opus-4-6-v1", "c7w2k9p4x1m6r8t3v5z0q2n6o",
            "5e-06", "2.5e-05", "5e-07", "6.25e-06", "1e-05");

    /** Provisioned throughput, 1-month commitment, per model unit and hour: key {@code bedrock/us-east-1/1-month-commitment/anthropic.claude-instant-v1}, 0.011 USD per second. */
    static final BigDecimal PROVISIONED_MODEL_UNIT_HOUR = new BigDecimal("0.011").multiply(BigDecimal.valueOf(3_600));
    static final String PROVISIONED_PRICE_KEY = "bedrock/us-east-1/1-month-commitment/anthropic.claude-instant-v1";

    /** Every model, in a fixed order. */
    static final List<BedrockModel> ALL = List.of(NOVA_MICRO, NOVA_LITE, NOVA_PRO, NOVA_2_LITE, LLAMA_3_3_70B, LLAMA_4_MAVERICK,
            DEEPSEEK_V3_2, MISTRAL_LARGE_3, TITAN_EMBED_TEXT_V2, CLAUDE_SONNET_4_6, CLAUDE_HAIKU_4_5, CLAUDE_OPUS_4_6);

    /** Chat models people pick in a console or a chat front-end. */
    static final List<BedrockModel> CHAT = List.of(CLAUDE_SONNET_4_6, CLAUDE_SONNET_4_6, CLAUDE_HAIKU_4_5, NOVA_PRO, NOVA_2_LITE,
            LLAMA_4_MAVERICK, DEEPSEEK_V3_2, CLAUDE_OPUS_4_6, MISTRAL_LARGE_3, NOVA_LITE);

    private ModelCatalog() {}

    private static BedrockModel firstParty(String name, String displayName, String provider, String priceKey, String unit,
            String input, String output, boolean embeddings, boolean globalProfile, boolean serviceTiers) {
        BigDecimal perUnit = unit.equals(PER_1K) ? THOUSAND : MILLION;
        Optional<BigDecimal> outputPrice = embeddings ? Optional.empty() : Optional.of(new BigDecimal(output));
        return new BedrockModel(name, displayName, provider, priceKey, false, FIRST_PARTY_CODE, AWS_LEGAL_ENTITY, unit, perUnit,
                new BigDecimal(input), outputPrice, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                embeddings, globalProfile, serviceTiers);
    }

    private static BedrockModel withCache(BedrockModel model, String cacheRead, String cacheWrite) {
        return new BedrockModel(model.name(), model.displayName(), model.provider(), model.priceKey(), model.marketplace(), model.productCode(),
                model.seller(), model.pricingUnit(), model.tokensPerUnit(), model.inputPerToken(), model.outputPerToken(),
                Optional.of(new BigDecimal(cacheRead)), Optional.of(new BigDecimal(cacheWrite)), model.cacheWrite1hPerToken(), model.batchDiscounted(),
                model.embeddings(), model.globalProfile(), model.serviceTiers());
    }

    private static BedrockModel withBatch(BedrockModel model, String batchInput) {
        return new BedrockModel(model.name(), model.displayName(), model.provider(), model.priceKey(), model.marketplace(), model.productCode(),
                model.seller(), model.pricingUnit(), model.tokensPerUnit(), model.inputPerToken(), model.outputPerToken(),
                model.cacheReadPerToken(), model.cacheWritePerToken(), model.cacheWrite1hPerToken(), Optional.of(new BigDecimal(batchInput)),
                model.embeddings(), model.globalProfile(), model.serviceTiers());
    }

    private static BedrockModel marketplace(String name, String priceKey, String productCode,
            String input, String output, String cacheRead, String cacheWrite, String cacheWrite1h) {
        return new BedrockModel(name, name, "Anthropic", priceKey, true, productCode, ANTHROPIC, MARKETPLACE_UNITS, MILLION,
                new BigDecimal(input), Optional.of(new BigDecimal(output)), Optional.of(new BigDecimal(cacheRead)),
                Optional.of(new BigDecimal(cacheWrite)), Optional.of(new BigDecimal(cacheWrite1h)), Optional.empty(),
                false, true, false);
    }
}
