package dev.spendlens.usage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes Bedrock usage types into region, model, token type, pricing model and category.
 *
 * <p>The category and pricing model follow the ordered, case-insensitive substring tests of AWS's
 * Cloud Intelligence Dashboards, so that our numbers line up with theirs. Separators are ignored in
 * the tests ({@code cache-read} and {@code CacheRead} are the same).
 */
public final class UsageTypeClassifier {
    private static final Pattern REGION_PREFIX = Pattern.compile("^([A-Z]{2,4}[0-9]?)-(.+)$");
    private static final Pattern MARKETPLACE = Pattern.compile("^MP:(?:[A-Z]{2,4}[0-9]?_)?(.+?)(?:-Units)?$", Pattern.CASE_INSENSITIVE);
    private static final String MARKETPLACE_EDITION_SUFFIX = " (Amazon Bedrock Edition)";

    // Where a first-party model name ends: the earliest of these markers after the region prefix.
    private static final List<String> MODEL_END_MARKERS = List.of(
            "-input", "-output", "-cache-read", "-cache-write", "-cachewrite", "-cacheread",
            "-batch", "-priority", "-flex", "-reserved", "-cross-region", "-latency-optimized", "-custom-model",
            "-mantle", "-provisioned", "-model-unit", "-modelunit", "-tokens", "-token", "-images", "-image",
            "-video", "-seconds", "-requests", "-request", "-characters", "-units", "-global");

    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("USE1", "us-east-1"), Map.entry("USE2", "us-east-2"),
            Map.entry("USW1", "us-west-1"), Map.entry("USW2", "us-west-2"),
            Map.entry("UGW1", "us-gov-west-1"), Map.entry("UGE1", "us-gov-east-1"),
            Map.entry("CAN1", "ca-central-1"), Map.entry("SAE1", "sa-east-1"),
            Map.entry("EU", "eu-west-1"), Map.entry("EUW1", "eu-west-1"), Map.entry("EUW2", "eu-west-2"),
            Map.entry("EUW3", "eu-west-3"), Map.entry("EUC1", "eu-central-1"), Map.entry("EUC2", "eu-central-2"),
            Map.entry("EUN1", "eu-north-1"), Map.entry("EUS1", "eu-south-1"), Map.entry("EUS2", "eu-south-2"),
            Map.entry("APN1", "ap-northeast-1"), Map.entry("APN2", "ap-northeast-2"), Map.entry("APN3", "ap-northeast-3"),
            Map.entry("APS1", "ap-southeast-1"), Map.entry("APS2", "ap-southeast-2"), Map.entry("APS3", "ap-south-1"),
            Map.entry("APS4", "ap-southeast-3"), Map.entry("APS5", "ap-south-2"), Map.entry("APS6", "ap-southeast-4"),
            Map.entry("MES1", "me-south-1"), Map.entry("MEC1", "me-central-1"), Map.entry("AFS1", "af-south-1"),
            Map.entry("ILC1", "il-central-1"));

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private UsageTypeClassifier() {}

    /**
     * Decodes one usage type.
     *
     * @param usageType {@code line_item_usage_type}
     * @param productName the {@code product_name} of the product map (needed for Marketplace models), or empty
     * @param pricingUnit {@code pricing_unit} ('1K tokens', '1M tokens', 'Units', ...), or empty
     */
    public static UsageTypeInfo classify(String usageType, Optional<String> productName, Optional<String> pricingUnit) {
        String raw = usageType.strip();
        Matcher region = REGION_PREFIX.matcher(raw);
        String prefix = region.matches() ? region.group(1) : "";
        String rest = region.matches() ? region.group(2) : raw;
        String regionCode = REGIONS.getOrDefault(prefix, prefix.isEmpty() ? "global" : prefix);

        Matcher marketplace = MARKETPLACE.matcher(rest);
        boolean isMarketplace = marketplace.matches();
        String model;
        String meter;
        if (isMarketplace) {
            meter = marketplace.group(1);
            model = productName.map(UsageTypeClassifier::marketplaceModel).filter(name -> !name.isEmpty()).orElse("marketplace-model");
        } else {
            // Without a known meter marker, fall back to the rule: the model is the field after the region.
            int end = modelEnd(rest);
            if (end < 0) {
                end = rest.indexOf('-');
            }
            model = end > 0 ? rest.substring(0, end) : rest;
            meter = end > 0 ? rest.substring(end) : "";
        }

        String text = squash(meter);
        String all = squash(rest);
        UsageCategory category = category(all, text);
        TokenType tokenType = tokenType(category, text);
        // Like the category, the pricing model is a substring test over the whole usage type: a variant written
        // before the meter ('-reserved-input-tokens') must not turn a reserved charge into an on-demand one.
        PricingModel pricingModel = pricingModel(all);
        BigDecimal tokensPerUnit = tokenType == TokenType.NONE ? ONE : tokensPerUnit(pricingUnit, isMarketplace);
        return new UsageTypeInfo(raw, regionCode, model, tokenType, pricingModel, category, isMarketplace, tokensPerUnit);
    }

    /** The model name of a Marketplace product: {@code Claude Sonnet 4.6 (Amazon Bedrock Edition)} -> {@code Claude Sonnet 4.6}. */
    public static String marketplaceModel(String productName) {
        String name = productName.strip();
        return name.endsWith(MARKETPLACE_EDITION_SUFFIX) ? name.substring(0, name.length() - MARKETPLACE_EDITION_SUFFIX.length()).strip() : name;
    }

    private static int modelEnd(String rest) {
        String lower = rest.toLowerCase(Locale.ROOT);
        int end = -1;
        for (String marker : MODEL_END_MARKERS) {
            int index = lower.indexOf(marker);
            if (index > 0 && (end < 0 || index < end)) {
                end = index;
            }
        }
        return end;
    }

    // Lower case without separators, so that 'Cache-Read', 'cache_read' and 'CacheRead' test alike.
    private static String squash(String value) {
        return value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "").replace(".", "");
    }

    private static UsageCategory category(String all, String meter) {
        // The category may be named in the model part too ('TitanEmbedTextV2'), so test the whole usage type,
        // in the dashboards' order.
        if (all.contains("provisionedthroughput") || isModelUnits(all)) {
            return UsageCategory.PROVISIONED_THROUGHPUT;
        }
        if (all.contains("reserved")) {
            return UsageCategory.RESERVED;
        }
        if (all.contains("customization") || all.contains("training") || all.contains("modelstorage") || all.contains("custommodelstorage")) {
            return UsageCategory.CUSTOMIZATION;
        }
        if (all.contains("modelimport") || all.contains("custommodelunit") || all.contains("import")) {
            return UsageCategory.CUSTOM_MODEL_IMPORT;
        }
        if (all.contains("guardrail")) {
            return UsageCategory.GUARDRAILS;
        }
        if (all.contains("evaluation")) {
            return UsageCategory.EVALUATIONS;
        }
        if (all.contains("flow")) {
            return UsageCategory.FLOWS;
        }
        if (all.contains("promptoptimi")) {
            return UsageCategory.PROMPT_OPTIMIZATION;
        }
        if (all.contains("promptrout") || all.contains("routing")) {
            return UsageCategory.PROMPT_ROUTING;
        }
        if (all.contains("rerank")) {
            return UsageCategory.RERANK;
        }
        if (all.contains("dataautomation")) {
            return UsageCategory.DATA_AUTOMATION;
        }
        if (all.contains("video")) {
            return UsageCategory.VIDEO_GENERATION;
        }
        if (all.contains("image") || all.contains("canvas")) {
            return UsageCategory.IMAGE_GENERATION;
        }
        if (all.contains("speech") || all.contains("sonic")) {
            return UsageCategory.SPEECH;
        }
        if (all.contains("embed")) {
            return UsageCategory.EMBEDDINGS;
        }
        if (all.contains("agentcore")) {
            return UsageCategory.AGENTCORE;
        }
        if (meter.contains("cacheread") || meter.contains("cachewrite") || meter.contains("input") || meter.contains("output")) {
            return UsageCategory.TEXT_INFERENCE;
        }
        return UsageCategory.OTHER;
    }

    // Custom Model Import is billed in Custom Model Units: those are its own category, not provisioned throughput.
    private static boolean isModelUnits(String text) {
        return text.replace("custommodelunit", "").contains("modelunit");
    }

    private static TokenType tokenType(UsageCategory category, String meter) {
        return switch (category) {
            case PROVISIONED_THROUGHPUT, RESERVED, CUSTOM_MODEL_IMPORT, AGENTCORE, VIDEO_GENERATION, OTHER -> TokenType.NONE;
            case CUSTOMIZATION, GUARDRAILS, EVALUATIONS, FLOWS, PROMPT_OPTIMIZATION, PROMPT_ROUTING, RERANK,
                    DATA_AUTOMATION, IMAGE_GENERATION, SPEECH, EMBEDDINGS, TEXT_INFERENCE -> tokenTypeOfMeter(meter);
        };
    }

    private static TokenType tokenTypeOfMeter(String meter) {
        if (!meter.contains("token")) {
            return TokenType.NONE;
        }
        if (meter.contains("cacheread")) {
            return TokenType.CACHE_READ;
        }
        if (meter.contains("cachewrite")) {
            return meter.contains("1h") ? TokenType.CACHE_WRITE_1H : TokenType.CACHE_WRITE;
        }
        if (meter.contains("input")) {
            return TokenType.INPUT;
        }
        if (meter.contains("output")) {
            return TokenType.OUTPUT;
        }
        return TokenType.NONE;
    }

    private static PricingModel pricingModel(String meter) {
        if (meter.contains("provisioned") || isModelUnits(meter)) {
            return PricingModel.PROVISIONED;
        }
        if (meter.contains("reserved")) {
            return PricingModel.RESERVED;
        }
        if (meter.contains("batch")) {
            return PricingModel.BATCH;
        }
        if (meter.contains("flex")) {
            return PricingModel.FLEX;
        }
        if (meter.contains("priority")) {
            return PricingModel.PRIORITY;
        }
        if (meter.contains("latencyoptimi")) {
            return PricingModel.LATENCY_OPTIMIZED;
        }
        if (meter.contains("crossregion") || meter.contains("global")) {
            return PricingModel.CROSS_REGION;
        }
        return PricingModel.ON_DEMAND;
    }

    private static BigDecimal tokensPerUnit(Optional<String> pricingUnit, boolean marketplace) {
        String unit = pricingUnit.map(value -> value.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (unit.startsWith("1k")) {
            return THOUSAND;
        }
        if (unit.startsWith("1m")) {
            return MILLION;
        }
        // Marketplace model charges are metered in 'Units' priced per million tokens.
        if (marketplace && (unit.equals("units") || unit.isEmpty())) {
            return MILLION;
        }
        return ONE;
    }
}
