import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reference for the ingest benchmark: DuckDB alone, scanning the same export files and computing
 * the same totals with one SQL query each, nothing written. Run with the CLI's classpath:
 * java -cp "spendlens-cli/target/lib/*" bench/RawScan.java EXPORT_ROOT [THREADS] [MEMORY_LIMIT] [REPEATS]
 */
public class RawScan {
    private static final String BEDROCK = """
            ((bill_billing_entity = 'AWS' AND line_item_product_code IN ('AmazonBedrock', 'AmazonBedrockService', 'AmazonBedrockFoundationModels', 'AmazonBedrockAgentCore'))
             OR (bill_billing_entity = 'AWS Marketplace' AND product['product_name'] LIKE '%Bedrock%')
             OR product_product_family IN ('Amazon Bedrock', 'Amazon Bedrock AgentCore'))""";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String threads = args.length > 1 ? args[1] : "0";
        String memory = args.length > 2 ? args[2] : "1GB";
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("data"))) {
            files = walk.filter(path -> path.toString().endsWith(".parquet")).sorted(Comparator.naturalOrder()).toList();
        }
        String list = files.stream().map(path -> "'" + path.toAbsolutePath() + "'").collect(Collectors.joining(", "));
        String source = "read_parquet([" + list + "], hive_partitioning = false)";
        String sameTotals = """
                SELECT count(*), sum(c) FROM (
                  SELECT date_trunc('hour', line_item_usage_start_date), bill_billing_period_start_date, line_item_usage_account_id, line_item_resource_id,
                         bill_payer_account_id, bill_invoice_id, bill_billing_entity, line_item_line_item_type, line_item_product_code, product['product_name'],
                         line_item_usage_type, line_item_operation, product_region_code, pricing_unit, line_item_currency_code, line_item_iam_principal, hash(tags),
                         sum(CAST(line_item_unblended_cost AS DECIMAL(38,10))) AS c, sum(CAST(line_item_net_unblended_cost AS DECIMAL(38,10))),
                         sum(CAST(line_item_usage_amount AS DECIMAL(38,10))), count(*)
                  FROM %s WHERE %s GROUP BY ALL)""".formatted(source, BEDROCK);
        String daily = """
                SELECT count(*), sum(c) FROM (
                  SELECT CAST(line_item_usage_start_date AS DATE), line_item_iam_principal, line_item_usage_type, sum(CAST(line_item_unblended_cost AS DECIMAL(38,10))) AS c
                  FROM %s WHERE %s GROUP BY ALL)""".formatted(source, BEDROCK);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + memory + "'");
            if (!threads.equals("0")) {
                statement.execute("SET threads = " + threads);
            }
            long rows;
            statement.execute("SET TimeZone = 'UTC'");
            try (ResultSet result = statement.executeQuery("SELECT sum(num_rows) FROM parquet_file_metadata([" + list + "])")) {
                result.next();
                rows = result.getLong(1);
            }
            System.out.printf("files %d, line items %,d%n", files.size(), rows);
            time(statement, "same totals as the store (hourly, every charge key)", sameTotals, rows, repeats);
            time(statement, "daily cost by principal and usage type", daily, rows, repeats);
        }
    }

    private static void time(Statement statement, String name, String sql, long rows, int repeats) throws Exception {
        List<Double> seconds = new ArrayList<>();
        String answer = "";
        for (int run = 0; run < repeats; run++) {
            long started = System.nanoTime();
            try (ResultSet result = statement.executeQuery(sql)) {
                result.next();
                answer = "%,d groups, %s USD".formatted(result.getLong(1), result.getBigDecimal(2).toPlainString());
            }
            seconds.add((System.nanoTime() - started) / 1e9);
        }
        seconds.sort(Comparator.naturalOrder());
        double median = seconds.get(seconds.size() / 2);
        System.out.printf("reference: %s: median %.2f s (best %.2f s), %,.0f rows/s; %s%n", name, median, seconds.get(0), rows / median, answer);
    }
}
