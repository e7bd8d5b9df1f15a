package dev.spendlens.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The catalogue's prices are those of the shared price table, under the keys it names. */
class ModelCatalogTest {
    private static final Path PRICES = Path.of("..", "..", "shared", "data", "bedrock-prices.json");

    @Test
    void pricesComeFromThePriceTable() {
        assumeTrue(Files.exists(PRICES), "shared/data/bedrock-prices.json is beside the project");
        JsonNode table = GeneratedExport.json(PRICES);
        for (BedrockModel model : ModelCatalog.ALL) {
            JsonNode entry = table.get(model.priceKey());
            assertThat(entry).as(model.priceKey()).isNotNull();
            assertSame(model.inputPerToken(), entry.get("input_cost_per_token"), model.name());
            model.outputPerToken().ifPresent(price -> assertSame(price, entry.get("output_cost_per_token"), model.name()));
            model.cacheReadPerToken().ifPresent(price -> assertSame(price, entry.get("cache_read_input_token_cost"), model.name()));
            // Where the table has no cache-write price (Nova), writes cost the input price.
            model.cacheWritePerToken().ifPresent(price -> assertSame(price,
                    entry.has("cache_creation_input_token_cost") ? entry.get("cache_creation_input_token_cost") : entry.get("input_cost_per_token"),
                    model.name()));
            model.cacheWrite1hPerToken().ifPresent(price -> assertSame(price, entry.get("cache_creation_input_token_cost_above_1hr"), model.name()));
            model.batchDiscounted().ifPresent(price -> assertSame(price, entry.get("input_cost_per_token_batches"), model.name()));
        }
        JsonNode provisioned = table.get(ModelCatalog.PROVISIONED_PRICE_KEY);
        assertThat(ModelCatalog.PROVISIONED_MODEL_UNIT_HOUR).isEqualByComparingTo(
                provisioned.get("input_cost_per_second").decimalValue().multiply(BigDecimal.valueOf(3600)));
    }

    @Test
    void batchHalvesThePriceAsTheTableDoes() {
        BedrockModel maverick = ModelCatalog.LLAMA_4_MAVERICK;
        assertThat(maverick.inputPerToken().multiply(InferenceMode.BATCH.priceFactor())).isEqualByComparingTo(maverick.batchDiscounted().orElseThrow());
    }

    @Test
    void ratesArePerPricingUnit() {
        MeterCatalog meters = new MeterCatalog();
        assertThat(meters.token(ModelCatalog.NOVA_LITE, Region.US_EAST_1, InferenceMode.ON_DEMAND, TokenKind.INPUT, Invocation.INVOKE).rateText())
                .isEqualTo("0.00006");
        Meter sonnet = meters.token(ModelCatalog.CLAUDE_SONNET_4_6, Region.US_EAST_1, InferenceMode.ON_DEMAND, TokenKind.OUTPUT, Invocation.INVOKE);
        assertThat(sonnet.rateText()).isEqualTo("15");
        assertThat(sonnet.usageType()).isEqualTo("USE1-MP:USE1_OutputTokenCount-Units");
        assertThat(sonnet.product()).containsEntry("product_name", "Claude Sonnet 4.6 (Amazon Bedrock Edition)");
        assertThat(meters.token(ModelCatalog.NOVA_2_LITE, Region.EU_CENTRAL_1, InferenceMode.FLEX, TokenKind.INPUT, Invocation.INVOKE).usageType())
                .isEqualTo("EUC1-Nova2Lite-input-tokens-flex");
        assertThat(Optional.of(sonnet.pricingUnit())).contains("Units");
    }

    private static void assertSame(BigDecimal price, JsonNode listed, String model) {
        assertThat(listed).as(model).isNotNull();
        assertThat(price).as(model).isEqualByComparingTo(listed.decimalValue());
    }
}
