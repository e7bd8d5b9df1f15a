package dev.spendlens.generator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/** Builds the meters lines are charged on, once each, numbering them in the order they are first asked for. */
final class MeterCatalog {
    static final String AGENTCORE_CODE = "AmazonBedrockAgentCore";
    static final String AWS = "AWS";
    static final String AWS_MARKETPLACE = "AWS Marketplace";
    private static final String SKU_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final double TOKEN_JITTER = 0.25;

    private final Map<String, Meter> byKey = new LinkedHashMap<>();

    List<Meter> meters() {
        return List.copyOf(byKey.values());
    }

    /** A token charge of a model: {@code USE1-NovaLite-input-tokens-batch} or {@code USE1-MP:USE1_InputTokenCount_Batch-Units}. */
    Meter token(BedrockModel model, Region region, InferenceMode mode, TokenKind kind, String operation) {
        String prefix = region.usagePrefix();
        String usageType = model.marketplace()
                ? "%s-MP:%s_%s%s-Units".formatted(prefix, prefix, kind.marketplaceMeter(), mode.marketplaceSuffix())
                : "%s-%s-%s%s".formatted(prefix, model.name(), kind.firstPartyMeter(), mode.firstPartySuffix());
        BigDecimal perToken = kind.pricePerToken(model).orElseThrow().multiply(mode.priceFactor());
        BigDecimal rate = perToken.multiply(model.tokensPerUnit(), MathContext.DECIMAL64);
        String modeText = mode == InferenceMode.ON_DEMAND ? "" : " (" + mode.feature() + ")";
        String description = model.marketplace()
                ? "%s - %s%s, per 1M tokens".formatted(model.productName(), kind.inferenceType(), modeText)
                : "USD %s per %s %s for %s%s in %s".formatted(plain(rate), model.pricingUnit(), kind.inferenceType().toLowerCase(Locale.ROOT),
                        model.displayName(), modeText, region.location());
        Map<String, String> product = Map.of("product_name", model.productName(), "servicename", "Amazon Bedrock");
        Map<String, String> since202607 = new LinkedHashMap<>(product);
        since202607.put("provider", model.provider());
        since202607.put("model", model.displayName());
        since202607.put("inference_type", kind.inferenceType());
        since202607.put("feature", mode.feature());
        return register(model.productCode() + "|" + usageType + "|" + operation, id -> new Meter(id, "Usage",
                model.marketplace() ? AWS_MARKETPLACE : AWS, model.seller(), model.productCode(), usageType, operation, description,
                model.pricingUnit(), Optional.of(rate), model.tokensPerUnit().doubleValue(), true, TOKEN_JITTER,
                model.marketplace() ? "" : "Amazon Bedrock", model.marketplace() ? "" : ModelCatalog.FIRST_PARTY_CODE,
                region.code(), region.location(), sku(usageType + operation), "", product, since202607, true, ""));
    }

    /** Marketplace provisioned throughput, billed per model unit and hour with no caller. */
    Meter provisioned(BedrockModel model, Region region) {
        String prefix = region.usagePrefix();
        String usageType = "%s-MP:%s_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units".formatted(prefix, prefix);
        Map<String, String> product = Map.of("product_name", model.productName(), "servicename", "Amazon Bedrock");
        Map<String, String> since202607 = new LinkedHashMap<>(product);
        since202607.put("provider", model.provider());
        since202607.put("model", model.displayName());
        since202607.put("feature", "Provisioned Throughput");
        return register(model.productCode() + "|" + usageType, id -> new Meter(id, "Usage", AWS_MARKETPLACE, model.seller(), model.productCode(),
                usageType, "ProvisionedThroughput", model.productName() + " - Provisioned Throughput, 1 month commitment, per model unit per hour",
                ModelCatalog.MARKETPLACE_UNITS, Optional.of(ModelCatalog.PROVISIONED_MODEL_UNIT_HOUR), 1, false, 0, "", "",
                region.code(), region.location(), sku(usageType), "", product, since202607, true, ""));
    }

    /** AgentCore runtime consumption: vCPU-hours (0.0895 USD) or memory GB-hours (0.00945 USD), public list prices. */
    Meter agentCoreRuntime(Region region, boolean memory) {
        String usageType = region.usagePrefix() + (memory ? "-AgentCore-Runtime-Memory-GB-Hours" : "-AgentCore-Runtime-vCPU-Hours");
        BigDecimal rate = new BigDecimal(memory ? "0.00945" : "0.0895");
        String unit = memory ? "GB-Hours" : "vCPU-Hours";
        Map<String, String> product = Map.of("product_name", "Amazon Bedrock AgentCore", "servicename", "Amazon Bedrock AgentCore");
        Map<String, String> since202607 = new LinkedHashMap<>(product);
        since202607.put("feature", "Runtime");
        return register(AGENTCORE_CODE + "|" + usageType, id -> new Meter(id, "Usage", AWS, ModelCatalog.AWS_LEGAL_ENTITY, AGENTCORE_CODE,
                usageType, "InvokeAgentRuntime", "USD %s per %s for AgentCore Runtime in %s".formatted(plain(rate), unit, region.location()),
                unit, Optional.of(rate), 1, false, 0.3, "Amazon Bedrock AgentCore", AGENTCORE_CODE, region.code(), region.location(),
                sku(usageType), "", product, since202607, true, ""));
    }

    Meter ec2Instance(Region region, String instanceType, BigDecimal hourly) {
        String usageType = region.legacyServicePrefix() + "BoxUsage:" + instanceType;
        Map<String, String> product = Map.of("product_name", "Amazon Elastic Compute Cloud", "servicename", "Amazon Elastic Compute Cloud",
                "operatingSystem", "Linux", "tenancy", "Shared");
        return register("AmazonEC2|" + usageType, id -> new Meter(id, "Usage", AWS, ModelCatalog.AWS_LEGAL_ENTITY, "AmazonEC2", usageType,
                "RunInstances", "$%s per On Demand Linux %s Instance Hour".formatted(plain(hourly), instanceType), "Hrs", Optional.of(hourly),
                1, false, 0, "Compute Instance", "AmazonEC2", region.code(), region.location(), sku(usageType), instanceType,
                product, product, false, ""));
    }

    Meter s3Storage(Region region) {
        String usageType = region.legacyServicePrefix() + "TimedStorage-ByteHrs";
        BigDecimal rate = new BigDecimal("0.023");
        Map<String, String> product = Map.of("product_name", "Amazon Simple Storage Service", "servicename", "Amazon Simple Storage Service",
                "storageClass", "General Purpose");
        return register("AmazonS3|" + usageType, id -> new Meter(id, "Usage", AWS, ModelCatalog.AWS_LEGAL_ENTITY, "AmazonS3", usageType,
                "StandardStorage", "$0.023 per GB - first 50 TB / month of storage used", "GB-Mo", Optional.of(rate), 1, false, 0.02,
                "Storage", "AmazonS3", region.code(), region.location(), sku(usageType), "", product, product, false, ""));
    }

    /** CloudWatch Logs ingestion, per GB, billed per log group. */
    Meter cloudWatchLogs(Region region) {
        String usageType = region.legacyServicePrefix() + "DataProcessing-Bytes";
        BigDecimal rate = new BigDecimal("0.50");
        Map<String, String> product = Map.of("product_name", "AmazonCloudWatch", "servicename", "AmazonCloudWatch");
        return register("AmazonCloudWatch|" + usageType, id -> new Meter(id, "Usage", AWS, ModelCatalog.AWS_LEGAL_ENTITY, "AmazonCloudWatch",
                usageType, "PutLogEvents", "$0.50 per GB - data ingestion", "GB", Optional.of(rate), 1, false, 0.3,
                "Data Payload", "AmazonCloudWatch", region.code(), region.location(), sku(usageType), "", product, product, false, ""));
    }

    /** Lambda compute; {@code freeTier} is the zero-cost line of the monthly free tier. */
    Meter lambdaCompute(Region region, boolean freeTier) {
        String usageType = region.legacyServicePrefix() + "Lambda-GB-Second";
        BigDecimal rate = freeTier ? BigDecimal.ZERO : new BigDecimal("0.0000166667");
        String description = freeTier
                ? "AWS Lambda - Compute Free Tier - 400,000 GB-Seconds - " + region.location()
                : "AWS Lambda - Total Compute - " + region.location();
        Map<String, String> product = Map.of("product_name", "AWS Lambda", "servicename", "AWS Lambda");
        return register("AWSLambda|" + usageType + "|" + freeTier, id -> new Meter(id, "Usage", AWS, ModelCatalog.AWS_LEGAL_ENTITY, "AWSLambda",
                usageType, "Invoke", description, "Lambda-GB-Second", Optional.of(rate), 1, false, 0.3, "Serverless", "AWSLambda",
                region.code(), region.location(), sku(usageType + freeTier), "", product, product, false, ""));
    }

    Meter lambdaRequests(Region region) {
        String usageType = region.legacyServicePrefix() + "Request";
        BigDecimal rate = new BigDecimal("0.0000002");
        Map<String, String> product = Map.of("product_name", "AWS Lambda", "servicename", "AWS Lambda");
        return register("AWSLambda|" + usageType, id -> new Meter(id, "Usage", AWS, ModelCatalog.AWS_LEGAL_ENTITY, "AWSLambda", usageType,
                "Invoke", "AWS Lambda - Total Requests - " + region.location(), "Requests", Optional.of(rate), 1, true, 0.3, "Serverless",
                "AWSLambda", region.code(), region.location(), sku(usageType), "", product, product, false, ""));
    }

    /** A monthly line whose cost is given, not rated: {@code Tax}, {@code Credit} or {@code Refund}. */
    Meter adjustment(String lineItemType, String productCode, String usageType, String description) {
        boolean bedrock = productCode.equals(ModelCatalog.FIRST_PARTY_CODE) || productCode.equals(AGENTCORE_CODE);
        Map<String, String> product = Map.of("product_name", "Amazon Bedrock", "servicename", "Amazon Bedrock");
        String taxType = lineItemType.equals("Tax") ? "SalesTax" : "";
        return register(lineItemType + "|" + productCode + "|" + usageType + "|" + description, id -> new Meter(id, lineItemType, AWS,
                ModelCatalog.AWS_LEGAL_ENTITY, productCode, usageType, "", description, "", Optional.empty(), 1, false, 0,
                "", productCode, "", "", "", "", product, product, bedrock, taxType));
    }

    private Meter register(String key, IntFunction<Meter> create) {
        return byKey.computeIfAbsent(key, ignored -> create.apply(byKey.size() + 1));
    }

    // A fixed, SKU-like code derived from the usage type, the same for every seed like AWS's.
    private static String sku(String key) {
        long hash = new Noise(0).hash(key.hashCode(), key.length(), 17, 23);
        StringBuilder sku = new StringBuilder(16);
        for (int index = 0; index < 16; index++) {
            sku.append(SKU_ALPHABET.charAt((int) Long.remainderUnsigned(hash, SKU_ALPHABET.length())));
            hash = Long.divideUnsigned(hash, SKU_ALPHABET.length()) ^ (hash << 7);
        }
        return sku.toString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
