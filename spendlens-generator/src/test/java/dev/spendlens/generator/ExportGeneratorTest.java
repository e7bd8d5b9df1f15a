package dev.spendlens.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.spendlens.principal.PrincipalParser;
import dev.spendlens.usage.TokenType;
import dev.spendlens.usage.UsageCategory;
import dev.spendlens.usage.UsageTypeClassifier;
import dev.spendlens.usage.UsageTypeInfo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small hourly Parquet export, March to May 2026 (caller data starts on 8 April), 20
 * principals, read back with DuckDB.
 */
class ExportGeneratorTest {
    @TempDir
    static Path out;
    static GeneratedExport export;

    @BeforeAll
    static void generate() {
        export = GeneratedExport.generate(GeneratorOptions.defaults(out).withMonths(3).withFirstMonth(YearMonth.of(2026, 3)).withPrincipals(20));
    }

    @Test
    void writesOneDataFileAndOneManifestPerPeriodInAwsLayout() {
        for (String period : List.of("2026-03", "2026-04", "2026-05")) {
            assertThat(out.resolve("spendlens-demo/data/BILLING_PERIOD=" + period + "/spendlens-demo-00001.snappy.parquet")).isRegularFile();
            assertThat(out.resolve("spendlens-demo/metadata/BILLING_PERIOD=" + period + "/spendlens-demo-Manifest.json")).isRegularFile();
        }
        assertThat(out.resolve("spendlens-demo/data/BILLING_PERIOD=2026-03/spendlens-demo-00002.snappy.parquet")).doesNotExist();
        assertThat(out.resolve("labels.json")).isRegularFile();
        assertThat(export.summary().exportRoot()).isEqualTo(out.resolve("spendlens-demo"));
        assertThat(export.summary().periods()).containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5));
        assertThat(export.summary().dataFiles()).hasSize(3).allSatisfy(file -> assertThat(file).isRegularFile());
        assertThat(export.summary().manifests()).hasSize(3);
    }

    @Test
    void manifestNamesTheDeliveryItsFilesColumnsAndConfiguration() {
        JsonNode manifest = GeneratedExport.json(out.resolve("spendlens-demo/metadata/BILLING_PERIOD=2026-05/spendlens-demo-Manifest.json"));
        assertThat(manifest.get("exportName").asText()).isEqualTo("spendlens-demo");
        assertThat(manifest.get("exportArn").asText()).startsWith("arn:aws:bcm-data-exports:us-east-1:412305876901:export/spendlens-demo-");
        assertThat(manifest.get("executionId").asText()).matches("[0-9a-f-]{36}");
        assertThat(Instant.parse(manifest.get("deliveryTimestamp").asText())).isAfter(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(manifest.get("billingPeriod").get("start").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(manifest.get("billingPeriod").get("end").asText()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(manifest.get("dataFiles")).extracting(JsonNode::asText).containsExactly(
                "s3://spendlens-demo-bucket/cur/spendlens-demo/data/BILLING_PERIOD=2026-05/spendlens-demo-00001.snappy.parquet");
        assertThat(manifest.get("columns")).hasSize(116);
        assertThat(manifest.get("columns").get(0).get("name").asText()).isEqualTo("bill_bill_type");
        assertThat(manifest.get("columns").get(115).get("name").asText()).isEqualTo("line_item_iam_principal");
        JsonNode configuration = manifest.get("tableConfigurations").get("COST_AND_USAGE_REPORT");
        assertThat(configuration.get("TIME_GRANULARITY").asText()).isEqualTo("HOURLY");
        assertThat(configuration.get("INCLUDE_RESOURCES").asText()).isEqualTo("TRUE");
        assertThat(configuration.get("INCLUDE_IAM_PRINCIPAL_DATA").asText()).isEqualTo("TRUE");
    }

    @Test
    void dataFilesHaveThe116ColumnsInOrderWithGlueTypes() {
        Map<CurColumn.Type, String> duckDbTypes = Map.of(CurColumn.Type.STRING, "VARCHAR", CurColumn.Type.DOUBLE, "DOUBLE",
                CurColumn.Type.TIMESTAMP, "TIMESTAMP", CurColumn.Type.MAP_OF_STRING, "MAP(VARCHAR, VARCHAR)",
                CurColumn.Type.MAP_OF_DOUBLE, "MAP(VARCHAR, DOUBLE)");
        List<List<Object>> described = export.query("DESCRIBE SELECT * FROM " + export.lines());
        assertThat(described).hasSize(116);
        for (int index = 0; index < 116; index++) {
            CurColumn expected = CurSchema.COLUMNS.get(index);
            assertThat(described.get(index).get(0)).isEqualTo(expected.name());
            assertThat(described.get(index).get(1)).as(expected.name()).isEqualTo(duckDbTypes.get(expected.type()));
        }
        JsonNode manifest = GeneratedExport.json(export.summary().manifests().get(0));
        assertThat(manifest.get("columns").get(9).get("type").asText()).isEqualTo("map<string,double>");
        assertThat(manifest.get("columns").get(2).get("type").asText()).isEqualTo("timestamp");
        assertThat(manifest.get("columns").get(30).get("name").asText()).isEqualTo("line_item_unblended_rate");
        assertThat(manifest.get("columns").get(30).get("type").asText()).isEqualTo("string");
    }

    @Test
    void columnsTheGeneratorDoesNotModelAreNull() {
        assertThat(export.number("SELECT count(*) FROM " + export.lines()
                + " WHERE reservation_reservation_a_r_n IS NOT NULL OR savings_plan_savings_plan_rate IS NOT NULL OR discount IS NOT NULL")).isZero();
    }

    @Test
    void everyPrincipalArnParses() {
        List<String> arns = export.strings("SELECT DISTINCT line_item_iam_principal FROM " + export.lines() + " WHERE line_item_iam_principal <> ''");
        assertThat(arns).hasSizeGreaterThan(20);
        for (String arn : arns) {
            assertThat(PrincipalParser.parse(arn).arn()).isEqualTo(arn);
        }
        assertThat(arns).anyMatch(arn -> arn.contains(":user/BedrockAPIKey-"))
                .anyMatch(arn -> arn.contains(":assumed-role/AWSReservedSSO_BedrockUsers_"))
                .anyMatch(arn -> arn.contains(":assumed-role/BedrockAnalysts/") && arn.endsWith("@acme.example"))
                .anyMatch(arn -> arn.contains("/BedrockAgentCore-"))
                .anyMatch(arn -> arn.endsWith(":role/teams/ds/Analyst"));
    }

    @Test
    void firstPartyModelsShowCacheBatchCrossRegionAndTierVariants() {
        List<String> usageTypes = export.strings("SELECT DISTINCT line_item_usage_type FROM " + export.lines()
                + " WHERE line_item_product_code = 'AmazonBedrock' AND line_item_line_item_type = 'Usage'");
        assertThat(usageTypes).anyMatch(type -> type.endsWith("-cache-read-input-tokens") || type.contains("-cache-read-input-tokens-"))
                .anyMatch(type -> type.contains("-cache-write-input-tokens"))
                .anyMatch(type -> type.endsWith("-batch"))
                .anyMatch(type -> type.endsWith("-flex") || type.endsWith("-priority"))
                .anyMatch(type -> type.matches("USE1-Nova(Lite|Pro|Micro)-input-tokens"));
        assertThat(export.strings("SELECT DISTINCT line_item_usage_type FROM " + export.lines()))
                .anyMatch(type -> type.endsWith("-cross-region-global") || type.endsWith("_Global-Units"));
    }

    @Test
    void everyBedrockUsageTypeClassifiesWithTheTokenTypeItNames() {
        List<List<Object>> usageTypes = export.query("SELECT DISTINCT line_item_usage_type, product['product_name'], pricing_unit FROM "
                + export.lines() + " WHERE line_item_line_item_type = 'Usage' AND (line_item_product_code LIKE 'AmazonBedrock%'"
                + " OR bill_billing_entity = 'AWS Marketplace')");
        assertThat(usageTypes).hasSizeGreaterThan(15);
        for (List<Object> row : usageTypes) {
            String usageType = (String) row.get(0);
            UsageTypeInfo info = UsageTypeClassifier.classify(usageType, Optional.of((String) row.get(1)), Optional.of((String) row.get(2)));
            assertThat(info.category()).as(usageType).isNotEqualTo(UsageCategory.OTHER);
            assertThat(info.tokenType()).as(usageType).isEqualTo(expectedTokenType(usageType));
        }
    }

    @Test
    void costIsTheAmountInPricingUnitsTimesTheRate() {
        List<List<Object>> lines = export.query("SELECT line_item_usage_type, product['product_name'], pricing_unit, line_item_usage_amount,"
                + " line_item_unblended_rate, line_item_unblended_cost FROM " + export.lines()
                + " WHERE line_item_line_item_type = 'Usage' USING SAMPLE 2000 ROWS (reservoir, 7)");
        for (List<Object> line : lines) {
            double amount = (Double) line.get(3);
            double rate = Double.parseDouble((String) line.get(4));
            assertThat((Double) line.get(5)).isCloseTo(amount * rate, org.assertj.core.data.Offset.offset(1e-9 + amount * rate * 1e-9));
            UsageTypeInfo info = UsageTypeClassifier.classify((String) line.get(0), Optional.ofNullable((String) line.get(1)),
                    Optional.of((String) line.get(2)));
            if (info.tokenType() != TokenType.NONE) {
                double tokens = amount * info.tokensPerUnit().doubleValue();
                assertThat(tokens).as("whole tokens in " + line).isCloseTo(Math.rint(tokens), org.assertj.core.data.Offset.offset(1e-3));
            }
        }
        assertThat(export.strings("SELECT DISTINCT pricing_unit FROM " + export.lines() + " WHERE line_item_product_code = 'AmazonBedrock'"
                + " AND line_item_line_item_type = 'Usage'")).contains("1K tokens", "1M tokens");
    }

    @Test
    void usageBeforeCallerDataHasNoPrincipalAndNoPrincipalTags() {
        String before = " WHERE line_item_usage_start_date < TIMESTAMP '2026-04-08'";
        assertThat(export.number("SELECT count(*) FROM " + export.lines() + before)).isGreaterThan(1000);
        assertThat(export.number("SELECT count(*) FROM " + export.lines() + before + " AND (line_item_iam_principal <> ''"
                + " OR len(list_filter(map_keys(tags), key -> key LIKE 'iamPrincipal/%')) > 0)")).isZero();
        assertThat(export.number("SELECT count(*) FROM " + export.lines() + " WHERE line_item_usage_start_date >= TIMESTAMP '2026-04-08'"
                + " AND line_item_product_code = 'AmazonBedrock' AND line_item_line_item_type = 'Usage' AND line_item_iam_principal = ''")).isZero();
    }

    @Test
    void writesNonBedrockCreditTaxRefundAndZeroCostLines() {
        double total = export.number("SELECT count(*) FROM " + export.lines());
        double bedrock = export.number("SELECT count(*) FROM " + export.lines() + " WHERE line_item_product_code LIKE 'AmazonBedrock%'"
                + " OR bill_billing_entity = 'AWS Marketplace'");
        assertThat(1 - bedrock / total).isBetween(0.15, 0.25);
        assertThat(export.number("SELECT count(*) FROM " + export.lines() + " WHERE line_item_line_item_type = 'Tax'"
                + " AND line_item_product_code = 'AmazonBedrock' AND line_item_unblended_cost > 0")).isGreaterThanOrEqualTo(3);
        assertThat(export.number("SELECT max(line_item_unblended_cost) FROM " + export.lines() + " WHERE line_item_line_item_type = 'Credit'"))
                .isNegative();
        assertThat(export.number("SELECT max(line_item_unblended_cost) FROM " + export.lines() + " WHERE line_item_line_item_type = 'Refund'"))
                .isNegative();
        assertThat(export.number("SELECT count(*) FROM " + export.lines() + " WHERE line_item_unblended_cost = 0"
                + " AND line_item_line_item_type = 'Usage'")).isPositive();
        assertThat(export.number("SELECT count(*) FROM " + export.lines() + " WHERE line_item_usage_type LIKE '%ProvisionedThroughput%'"
                + " AND line_item_iam_principal = ''")).isPositive();
        assertThat(export.strings("SELECT DISTINCT line_item_legal_entity FROM " + export.lines() + " WHERE bill_billing_entity = 'AWS Marketplace'"))
                .containsExactly("Anthropic, PBC");
    }

    @Test
    void restatedPeriodIsDeliveredTwiceWithDifferentNumbers() {
        assertThat(export.summary().restatedPeriod()).contains(YearMonth.of(2026, 4));
        Path earlierManifest = out.resolve("earlier-delivery/spendlens-demo/metadata/BILLING_PERIOD=2026-04/spendlens-demo-Manifest.json");
        Path finalManifest = out.resolve("spendlens-demo/metadata/BILLING_PERIOD=2026-04/spendlens-demo-Manifest.json");
        assertThat(out.resolve("earlier-delivery/spendlens-demo/data/BILLING_PERIOD=2026-04/spendlens-demo-00001.snappy.parquet")).isRegularFile();
        Instant earlier = Instant.parse(GeneratedExport.json(earlierManifest).get("deliveryTimestamp").asText());
        Instant latest = Instant.parse(GeneratedExport.json(finalManifest).get("deliveryTimestamp").asText());
        assertThat(earlier).isBefore(latest);
        assertThat(GeneratedExport.json(earlierManifest).get("billingPeriod")).isEqualTo(GeneratedExport.json(finalManifest).get("billingPeriod"));

        String april = " WHERE bill_billing_period_start_date = TIMESTAMP '2026-04-01'";
        double finalCost = export.number("SELECT sum(line_item_unblended_cost) FROM " + export.lines() + april);
        double earlierCost = export.number("SELECT sum(line_item_unblended_cost) FROM " + export.earlierLines());
        double finalRows = export.number("SELECT count(*) FROM " + export.lines() + april);
        double earlierRows = export.number("SELECT count(*) FROM " + export.earlierLines());
        assertThat(earlierRows).isLessThan(finalRows);
        assertThat(Math.abs(finalCost - earlierCost) / finalCost).isBetween(0.005, 0.15);
        assertThat(export.labels().get("restatedPeriod").get("period").asText()).isEqualTo("2026-04");
    }

    @Test
    void summaryCountsWhatTheFilesHold() {
        assertThat(export.number("SELECT count(*) FROM " + export.lines())).isEqualTo((double) export.summary().lineItems());
        assertThat(export.number("SELECT count(*) FROM " + export.lines() + " WHERE line_item_product_code LIKE 'AmazonBedrock%'"
                + " OR bill_billing_entity = 'AWS Marketplace'")).isEqualTo((double) export.summary().bedrockLineItems());
        assertThat(export.summary().principals()).isEqualTo(20);
        assertThat(export.progress()).anyMatch(line -> line.startsWith("2026-05: ") && line.contains("rows/s"));
    }

    @Test
    void hoursFollowBusinessDaysAndWeekendsAreQuieter() {
        List<List<Object>> byWeekday = export.query("SELECT isodow(line_item_usage_start_date) >= 6, sum(line_item_unblended_cost)"
                + " / count(DISTINCT CAST(line_item_usage_start_date AS DATE)) FROM " + export.lines()
                + " WHERE line_item_iam_principal LIKE '%@acme.example' GROUP BY 1 ORDER BY 1");
        assertThat((Double) byWeekday.get(1).get(1)).isLessThan((Double) byWeekday.get(0).get(1) * 0.5);
        assertThat(export.number("SELECT count(DISTINCT hour(line_item_usage_start_date)) FROM " + export.lines())).isEqualTo(24);
    }

    static TokenType expectedTokenType(String usageType) {
        String lower = usageType.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (lower.contains("cachewrite1h")) {
            return TokenType.CACHE_WRITE_1H;
        }
        if (lower.contains("cachewrite")) {
            return TokenType.CACHE_WRITE;
        }
        if (lower.contains("cacheread")) {
            return TokenType.CACHE_READ;
        }
        if (lower.contains("input")) {
            return TokenType.INPUT;
        }
        if (lower.contains("output")) {
            return TokenType.OUTPUT;
        }
        return TokenType.NONE;
    }
}
