package dev.spendlens.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageTypeClassifierTest {
    private static final String SONNET = "Claude Sonnet 4.6 (Amazon Bedrock Edition)";

    // Real-looking usage types (bedrock-billing-data.md section 2). An empty product name or pricing unit is absent.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # usage type                                                           | product name                               | pricing unit    | region         | model                 | token type     | pricing model     | category               | marketplace | tokens per unit
            USE1-NovaLite-input-tokens                                             |                                            | 1M tokens       | us-east-1      | NovaLite              | INPUT          | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-output-tokens                                            |                                            | 1M tokens       | us-east-1      | NovaLite              | OUTPUT         | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-input-tokens-batch                                       |                                            | 1M tokens       | us-east-1      | NovaLite              | INPUT          | BATCH             | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-output-tokens-batch                                      |                                            | 1M tokens       | us-east-1      | NovaLite              | OUTPUT         | BATCH             | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-input-tokens-priority                                    |                                            | 1M tokens       | us-east-1      | NovaLite              | INPUT          | PRIORITY          | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-output-tokens-flex                                       |                                            | 1M tokens       | us-east-1      | NovaLite              | OUTPUT         | FLEX              | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-input-tokens-cross-region-global                         |                                            | 1M tokens       | us-east-1      | NovaLite              | INPUT          | CROSS_REGION      | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-output-tokens-latency-optimized                          |                                            | 1M tokens       | us-east-1      | NovaLite              | OUTPUT         | LATENCY_OPTIMIZED | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-input-tokens-custom-model                                |                                            | 1M tokens       | us-east-1      | NovaLite              | INPUT          | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            USE1-NovaLite-reserved-input-tokens                                    |                                            | 1M tokens       | us-east-1      | NovaLite              | NONE           | RESERVED          | RESERVED               | false       | 1
            USE1-Claude4.6Sonnet-input-tokens                                      |                                            | 1M tokens       | us-east-1      | Claude4.6Sonnet       | INPUT          | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            USE1-Claude4.6Sonnet-cache-read-input-tokens                           |                                            | 1M tokens       | us-east-1      | Claude4.6Sonnet       | CACHE_READ     | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            USE1-Claude4.6Sonnet-cache-write-input-tokens                          |                                            | 1M tokens       | us-east-1      | Claude4.6Sonnet       | CACHE_WRITE    | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            USE1-xai.grok-4.3-mantle-cache-read-tokens-flex                        |                                            | 1M tokens       | us-east-1      | xai.grok-4.3          | CACHE_READ     | FLEX              | TEXT_INFERENCE         | false       | 1000000
            USE1-xai.grok-4.3-mantle-output-tokens                                 |                                            | 1M tokens       | us-east-1      | xai.grok-4.3          | OUTPUT         | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            USE1-MP:USE1_InputTokenCount-Units                                     | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | INPUT          | ON_DEMAND         | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_OutputTokenCount-Units                                    | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | OUTPUT         | ON_DEMAND         | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_CacheReadInputTokenCount-Units                            | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | CACHE_READ     | ON_DEMAND         | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_CacheWriteInputTokenCount-Units                           | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | CACHE_WRITE    | ON_DEMAND         | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_CacheWrite1hInputTokenCount_Global-Units                  | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | CACHE_WRITE_1H | CROSS_REGION      | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_InputTokenCount_Global-Units                              | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | INPUT          | CROSS_REGION      | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_InputTokenCount_Batch-Units                               | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | INPUT          | BATCH             | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_input_tokens_standard-Units                               | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | INPUT          | ON_DEMAND         | TEXT_INFERENCE         | true        | 1000000
            USW2-MP:USW2_OutputTokenCount-Units                                    | Claude Haiku 4.5 (Amazon Bedrock Edition)  | Units           | us-west-2      | Claude Haiku 4.5      | OUTPUT         | ON_DEMAND         | TEXT_INFERENCE         | true        | 1000000
            USE1-MP:USE1_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units           | us-east-1      | Claude Sonnet 4.6     | NONE           | PROVISIONED       | PROVISIONED_THROUGHPUT | true        | 1
            USE1-NovaLite-ProvisionedThroughput-ModelUnits                         |                                            | ModelUnit-Hours | us-east-1      | NovaLite              | NONE           | PROVISIONED       | PROVISIONED_THROUGHPUT | false       | 1
            USE1-ClaudeV2-input-tokens                                             |                                            | 1K tokens       | us-east-1      | ClaudeV2              | INPUT          | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000
            USE1-ClaudeV2-output-tokens                                            |                                            | 1K tokens       | us-east-1      | ClaudeV2              | OUTPUT         | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000
            USE1-TitanEmbedTextV2-input-tokens                                     |                                            | 1K tokens       | us-east-1      | TitanEmbedTextV2      | INPUT          | ON_DEMAND         | EMBEDDINGS             | false       | 1000
            USW2-TitanImageGeneratorV2-T2I-1024-Standard                           |                                            | Images          | us-west-2      | TitanImageGeneratorV2 | NONE           | ON_DEMAND         | IMAGE_GENERATION       | false       | 1
            USE1-NovaCanvas-images                                                 |                                            | Images          | us-east-1      | NovaCanvas            | NONE           | ON_DEMAND         | IMAGE_GENERATION       | false       | 1
            USE1-NovaReel-video-seconds                                            |                                            | Seconds         | us-east-1      | NovaReel              | NONE           | ON_DEMAND         | VIDEO_GENERATION       | false       | 1
            USE1-Guardrail-ContentPolicyUnitsConsumed                              |                                            | 1K text units   | us-east-1      | Guardrail             | NONE           | ON_DEMAND         | GUARDRAILS             | false       | 1
            USE1-AgentCore-Runtime-vCPU-Hours                                      |                                            | vCPU-Hours      | us-east-1      | AgentCore             | NONE           | ON_DEMAND         | AGENTCORE              | false       | 1
            USE1-Customization-Storage                                             |                                            | Model-Month     | us-east-1      | Customization         | NONE           | ON_DEMAND         | CUSTOMIZATION          | false       | 1
            USE1-CustomModelImport-CustomModelUnit-Minutes                         |                                            | Minutes         | us-east-1      | CustomModelImport     | NONE           | ON_DEMAND         | CUSTOM_MODEL_IMPORT    | false       | 1
            USE1-Evaluation-HumanTasks                                             |                                            | Tasks           | us-east-1      | Evaluation            | NONE           | ON_DEMAND         | EVALUATIONS            | false       | 1
            USE1-Flows-NodeTransitions                                             |                                            | 1K transitions  | us-east-1      | Flows                 | NONE           | ON_DEMAND         | FLOWS                  | false       | 1
            USE1-PromptRouting-requests                                            |                                            | Requests        | us-east-1      | PromptRouting         | NONE           | ON_DEMAND         | PROMPT_ROUTING         | false       | 1
            USE1-DataAutomation-Documents                                          |                                            | Pages           | us-east-1      | DataAutomation        | NONE           | ON_DEMAND         | DATA_AUTOMATION        | false       | 1
            EU-NovaPro-input-tokens                                                |                                            | 1M tokens       | eu-west-1      | NovaPro               | INPUT          | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            EUC1-NovaMicro-output-tokens                                           |                                            | 1M tokens       | eu-central-1   | NovaMicro             | OUTPUT         | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            APN1-Claude4.6Sonnet-input-tokens-batch                                |                                            | 1M tokens       | ap-northeast-1 | Claude4.6Sonnet       | INPUT          | BATCH             | TEXT_INFERENCE         | false       | 1000000
            USW2-NovaPremier-cache-read-input-tokens                               |                                            | 1M tokens       | us-west-2      | NovaPremier           | CACHE_READ     | ON_DEMAND         | TEXT_INFERENCE         | false       | 1000000
            """)
    void classifiesUsageTypesInTheDashboardsOrder(String usageType, String productName, String pricingUnit, String region, String model,
                                                 TokenType tokenType, PricingModel pricingModel, UsageCategory category,
                                                 boolean marketplace, BigDecimal tokensPerUnit) {
        UsageTypeInfo info = UsageTypeClassifier.classify(usageType, Optional.ofNullable(productName), Optional.ofNullable(pricingUnit));

        assertThat(info.usageType()).isEqualTo(usageType);
        assertThat(info.regionCode()).isEqualTo(region);
        assertThat(info.model()).isEqualTo(model);
        assertThat(info.tokenType()).isEqualTo(tokenType);
        assertThat(info.pricingModel()).isEqualTo(pricingModel);
        assertThat(info.category()).isEqualTo(category);
        assertThat(info.marketplace()).isEqualTo(marketplace);
        assertThat(info.tokensPerUnit()).isEqualByComparingTo(tokensPerUnit);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # usage type                     | region
            USE1-NovaLite-input-tokens       | us-east-1
            USW2-NovaLite-input-tokens       | us-west-2
            EU-NovaLite-input-tokens         | eu-west-1
            EUC1-NovaLite-input-tokens       | eu-central-1
            APN1-NovaLite-input-tokens       | ap-northeast-1
            APS3-NovaLite-input-tokens       | ap-south-1
            UGW1-NovaLite-input-tokens       | us-gov-west-1
            ZZZ9-NovaLite-input-tokens       | ZZZ9
            NovaLite-input-tokens            | global
            """)
    void mapsTheUsageTypePrefixToARegionCode(String usageType, String region) {
        assertThat(UsageTypeClassifier.classify(usageType, Optional.empty(), Optional.of("1M tokens")).regionCode()).isEqualTo(region);
    }

    // tokens per unit of line_item_usage_amount: usage type / product name / pricing unit -> tokens
    @ParameterizedTest(name = "{0} priced in ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            USE1-ClaudeV2-input-tokens                | | 1K tokens           | 1000
            USE1-ClaudeV2-input-tokens                | | 1k Tokens           | 1000
            USE1-NovaLite-input-tokens                | | 1M tokens           | 1000000
            USE1-MP:USE1_InputTokenCount-Units        | Claude Sonnet 4.6 (Amazon Bedrock Edition) | Units | 1000000
            USE1-MP:USE1_InputTokenCount-Units        | Claude Sonnet 4.6 (Amazon Bedrock Edition) |       | 1000000
            USE1-MP:USE1_OutputTokenCount-Units       | Claude Sonnet 4.6 (Amazon Bedrock Edition) | 1K tokens | 1000
            USE1-NovaLite-input-tokens                | | Tokens              | 1
            USE1-NovaCanvas-images                    | | Images              | 1
            USE1-NovaLite-ProvisionedThroughput-ModelUnits | | 1M tokens      | 1
            USE1-AgentCore-Runtime-vCPU-Hours         | | vCPU-Hours          | 1
            """)
    void normalisesTokenCountsAcrossPricingUnits(String usageType, String productName, String pricingUnit, BigDecimal tokensPerUnit) {
        UsageTypeInfo info = UsageTypeClassifier.classify(usageType, Optional.ofNullable(productName), Optional.ofNullable(pricingUnit));

        assertThat(info.tokensPerUnit()).isEqualByComparingTo(tokensPerUnit);
    }

    @Test
    void namesAMarketplaceModelByItsProductName() {
        assertThat(UsageTypeClassifier.marketplaceModel(SONNET)).isEqualTo("Claude Sonnet 4.6");
        assertThat(UsageTypeClassifier.marketplaceModel("  Some Other Model  ")).isEqualTo("Some Other Model");
    }

    @Test
    void namesAMarketplaceModelWithoutAProductNameGenerically() {
        UsageTypeInfo info = UsageTypeClassifier.classify("USE1-MP:USE1_InputTokenCount-Units", Optional.empty(), Optional.of("Units"));

        assertThat(info.model()).isEqualTo("marketplace-model");
        assertThat(info.marketplace()).isTrue();
    }

    @Test
    void ignoresCaseAndSeparatorsInTheMeter() {
        UsageTypeInfo dashed = UsageTypeClassifier.classify("USE1-NovaLite-cache-read-input-tokens", Optional.empty(), Optional.of("1M tokens"));
        UsageTypeInfo camel = UsageTypeClassifier.classify("USE1-NovaLite-CacheRead-Input-Tokens", Optional.empty(), Optional.of("1M tokens"));
        UsageTypeInfo snake = UsageTypeClassifier.classify("USE1-NovaLite-cache_read_input_tokens", Optional.empty(), Optional.of("1M tokens"));

        assertThat(camel.tokenType()).isEqualTo(dashed.tokenType()).isEqualTo(TokenType.CACHE_READ);
        assertThat(snake.tokenType()).isEqualTo(TokenType.CACHE_READ);
        assertThat(camel.model()).isEqualTo(snake.model()).isEqualTo("NovaLite");
    }

    @Test
    void keepsReservedPricingWhenTheVariantPrecedesTheMeter() {
        UsageTypeInfo info = UsageTypeClassifier.classify("USE1-NovaLite-reserved-input-tokens", Optional.empty(), Optional.of("1M tokens"));

        // The category and the pricing model agree: both are substring tests over the whole usage type.
        assertThat(info.category()).isEqualTo(UsageCategory.RESERVED);
        assertThat(info.pricingModel()).isEqualTo(PricingModel.RESERVED);
    }

    @Test
    void keepsCustomModelUnitsOutOfProvisionedThroughput() {
        UsageTypeInfo info = UsageTypeClassifier.classify("USE1-CustomModelUnit-Minutes", Optional.empty(), Optional.of("Minutes"));

        assertThat(info.category()).isEqualTo(UsageCategory.CUSTOM_MODEL_IMPORT);
        assertThat(info.pricingModel()).isEqualTo(PricingModel.ON_DEMAND);
    }

    @Test
    void marksOnlyCallChargesAsAttributableToACaller() {
        assertThat(UsageCategory.TEXT_INFERENCE.callCharge()).isTrue();
        assertThat(UsageCategory.EMBEDDINGS.callCharge()).isTrue();
        assertThat(UsageCategory.GUARDRAILS.callCharge()).isTrue();
        assertThat(UsageCategory.PROVISIONED_THROUGHPUT.callCharge()).isFalse();
        assertThat(UsageCategory.CUSTOMIZATION.callCharge()).isFalse();
        assertThat(UsageCategory.OTHER.callCharge()).isFalse();
    }
}
