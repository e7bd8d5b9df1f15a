package dev.spendlens.duckdb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.MatchOption;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.duckdb.testing.TestStore;
import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.generator.OutputFormat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conservation on realistic data: for generated organisations of several seeds, the store holds
 * exactly the Bedrock cost a plain SQL sum over the export files gives, and every grouping and
 * filter of the query engine sums to the same amounts.
 */
class GeneratedConservationTest {
    private static final FieldParser FIELDS = new FieldParser(List.of("team", "project", "cost-center", "application"));

    @TempDir
    Path folder;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 17, 2026})
    void storedCostEqualsTheExportsBedrockCostForEveryGrouping(long seed) throws Exception {
        GeneratorOptions options = new GeneratorOptions(folder.resolve("export"), 2, 16, seed, ExportGranularity.HOURLY, OutputFormat.PARQUET,
                OptionalLong.empty(), GeneratorOptions.ANCHOR_LAST_MONTH.minusMonths(1), "conservation", GeneratorOptions.IAM_PRINCIPAL_DATA_START);
        GenerationSummary generated = new ExportGenerator().generate(options, ignored -> {});
        List<ExportFile> files = generated.dataFiles().stream().map(path -> new ExportFile(path, FileType.PARQUET, path.toString(), Optional.empty())).toList();

        try (TestStore store = new TestStore(folder)) {
            store.ingestBatches(List.of(files));
            BigDecimal source = bedrockCostOfFiles(generated.dataFiles());

            assertThat(store.dailyTotal()).isEqualByComparingTo(source);
            assertThat(store.scalar("SELECT sum(unblended_cost) FROM cost_hourly")).isEqualByComparingTo(source);

            CostQueryEngine engine = new CostQueryEngine(store.store(), TestStore.CLOCK);
            TimePeriod period = new TimePeriod(generated.periods().get(0).atDay(1), generated.periods().get(1).plusMonths(1).atDay(1));
            for (String key : List.of("team", "project", "cost-center", "application", "PRINCIPAL", "PRINCIPAL_TYPE", "ROLE", "PERSON", "LINKED_ACCOUNT",
                    "REGION", "MODEL", "TOKEN_TYPE", "PRICING_MODEL", "USAGE_CATEGORY", "USAGE_TYPE", "RECORD_TYPE", "SERVICE", "INVOICE_ID", "TAG:iamPrincipal/team")) {
                CostResult result = engine.run(new CostQuery(period, Granularity.DAILY, List.of(Metric.UNBLENDED_COST), List.of(FIELDS.parse(key)), Optional.empty()));
                assertThat(sumOfGroups(result)).as("grouped by %s, seed %d", key, seed).isEqualByComparingTo(source);
            }
            // A filter and its negation partition the total.
            Expression federated = new Expression.Match(FIELDS.parse("PRINCIPAL_TYPE"), List.of("FEDERATED_USER"), Set.of(MatchOption.EQUALS));
            BigDecimal in = total(engine.run(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(), Optional.of(federated))));
            BigDecimal out = total(engine.run(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), List.of(), Optional.of(new Expression.Not(federated)))));
            assertThat(in).isPositive();
            assertThat(in.add(out)).isEqualByComparingTo(source);
        }
    }

    private static BigDecimal sumOfGroups(CostResult result) {
        return result.resultsByTime().stream().flatMap(bucket -> bucket.groups().stream())
                .map(group -> group.metrics().get(Metric.UNBLENDED_COST).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal total(CostResult result) {
        return result.resultsByTime().stream().map(bucket -> bucket.total().get(Metric.UNBLENDED_COST).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The reference, written independently of the ingester: AWS's Bedrock rule over the raw columns, each line cast to DECIMAL. */
    private static BigDecimal bedrockCostOfFiles(List<Path> files) throws Exception {
        String list = files.stream().map(path -> "'" + path.toAbsolutePath() + "'").collect(Collectors.joining(", "));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT sum(CAST(line_item_unblended_cost AS DECIMAL(38,10))) FROM read_parquet([%s], union_by_name = true)
                        WHERE (bill_billing_entity = 'AWS' AND line_item_product_code IN ('AmazonBedrock', 'AmazonBedrockService', 'AmazonBedrockFoundationModels', 'AmazonBedrockAgentCore'))
                           OR (bill_billing_entity = 'AWS Marketplace' AND product['product_name'] LIKE '%%Bedrock%%')
                           OR product_product_family IN ('Amazon Bedrock', 'Amazon Bedrock AgentCore')""".formatted(list))) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }
}
