package dev.spendlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spendlens.api.CostAndUsageResponse;
import dev.spendlens.api.ExpressionJson;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.FieldParser;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.AllocationTable;
import dev.spendlens.duckdb.SqlFailures;
import dev.spendlens.duckdb.query.CostQueryEngine;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens report}: Cost Explorer's GetCostAndUsage from the command line. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Bedrock spend grouped and filtered like Cost Explorer, plus principals, people, models and token types.",
                "Group-by keys: allocation dimensions (team, project, cost-center, application), PRINCIPAL, PRINCIPAL_TYPE, ROLE, PERSON, "
                        + "LINKED_ACCOUNT, LINKED_ACCOUNT_NAME, REGION, MODEL, TOKEN_TYPE, PRICING_MODEL, USAGE_CATEGORY, USAGE_TYPE, OPERATION, "
                        + "RECORD_TYPE, SERVICE, BILLING_ENTITY, INVOICE_ID, PAYER_ACCOUNT, RESOURCE_ID, and TAG:<key> (e.g. TAG:iamPrincipal/team)."})
final class ReportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, inclusive (2026-07-01).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, EXCLUSIVE as in Cost Explorer (2026-08-01).")
    String to;

    @Option(names = "--granularity", paramLabel = "DAILY|MONTHLY|HOURLY", defaultValue = "MONTHLY", description = "Time buckets (default ${DEFAULT-VALUE}).")
    String granularity;

    @Option(names = "--group-by", paramLabel = "KEY[,KEY...]", split = ",", description = "Keys to group by, any number.")
    List<String> groupBy = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "METRIC", split = ",", defaultValue = "UnblendedCost",
            description = "UnblendedCost, NetUnblendedCost, UsageQuantity or Tokens (default ${DEFAULT-VALUE}).")
    List<String> metrics;

    @Option(names = "--filter", paramLabel = "JSON|@FILE", description = "A Cost Explorer filter Expression, inline or @file.")
    String filter;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (GetCostAndUsage's response shape). Default ${DEFAULT-VALUE}.")
    TextFormat format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0", description = "In tables, show the N biggest groups and sum the rest into one line.")
    int top;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        FieldParser fields = fieldParser(context, store);
        List<Field> groups = new ArrayList<>();
        for (String key : groupBy) {
            if (!key.isBlank()) {
                groups.add(fields.parse(key));
            }
        }
        CostQuery query = new CostQuery(TimePeriod.parse(from, to, "--from", "--to"), Granularity.parse(granularity),
                metrics.stream().map(Metric::parse).toList(), groups, parseFilter(fields, filter));
        CostResult result = run(context, store, query);
        print(context.out(), query, result, format, top);
        return 0;
    }

    static FieldParser fieldParser(CliContext context, StoreOptions store) {
        return new FieldParser(context.config(store.config()).allocationPolicy().dimensions().stream().map(dimension -> dimension.name()).toList());
    }

    /** Runs a query after bringing the allocations up to date with the configured rules. */
    static CostResult run(CliContext context, StoreOptions store, CostQuery query) {
        try (Connection connection = context.store(store).connect()) {
            AllocationTable.synchronize(connection, context.allocator(store));
        } catch (SQLException e) {
            throw SqlFailures.internal("updating allocations", e);
        }
        return new CostQueryEngine(context.store(store), context.clock()).run(query);
    }

    static void print(PrintStream out, CostQuery query, CostResult result, TextFormat format, int top) {
        switch (format) {
            case table -> {
                String currency = result.resultsByTime().isEmpty() ? "" : result.resultsByTime().get(0).total().get(query.metrics().get(0)).unit();
                out.printf("Bedrock %s (%s), %s to %s (end exclusive), %s%s%n%n", String.join(", ", query.metrics().stream().map(Metric::apiName).toList()),
                        currency, query.period().start(), query.period().end(), query.granularity(),
                        query.groupBy().isEmpty() ? "" : ", by " + String.join(", ", query.groupBy().stream().map(Field::label).toList()));
                ReportTable.print(out, result, query.granularity(), query.metrics(), top);
            }
            case csv -> csv(out, query, result);
            case json -> {
                try {
                    out.println(JSON.writeValueAsString(CostAndUsageResponse.write(result, query.granularity())));
                } catch (IOException e) {
                    throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "writing JSON failed: " + e.getMessage(), e);
                }
            }
        }
    }

    private static void csv(PrintStream out, CostQuery query, CostResult result) {
        List<String> header = new ArrayList<>(List.of("start", "end"));
        query.groupBy().forEach(field -> header.add(field.label()));
        query.metrics().forEach(metric -> header.add(metric.apiName()));
        header.add("unit");
        out.println(String.join(",", header.stream().map(ReportCommand::csvField).toList()));
        for (ResultByTime bucket : result.resultsByTime()) {
            if (query.groupBy().isEmpty()) {
                List<String> row = new ArrayList<>(List.of(bucket.start().toString(), bucket.end().toString()));
                query.metrics().forEach(metric -> row.add(CostAndUsageResponse.amount(bucket.total().get(metric).amount())));
                row.add(bucket.total().get(query.metrics().get(0)).unit());
                out.println(String.join(",", row.stream().map(ReportCommand::csvField).toList()));
                continue;
            }
            for (CostGroup group : bucket.groups()) {
                List<String> row = new ArrayList<>(List.of(bucket.start().toString(), bucket.end().toString()));
                row.addAll(group.keys());
                query.metrics().forEach(metric -> row.add(CostAndUsageResponse.amount(group.metrics().get(metric).amount())));
                row.add(group.metrics().get(query.metrics().get(0)).unit());
                out.println(String.join(",", row.stream().map(ReportCommand::csvField).toList()));
            }
        }
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    static Optional<Expression> parseFilter(FieldParser fields, String filter) {
        if (filter == null || filter.isBlank()) {
            return Optional.empty();
        }
        String text = filter;
        if (filter.startsWith("@")) {
            Path file = Path.of(filter.substring(1));
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--filter: cannot read %s: %s".formatted(file, e.getMessage()));
            }
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SpendlensException(ErrorCode.INVALID_FILTER, "--filter is not valid JSON: " + e.getOriginalMessage());
        }
        return Optional.of(new ExpressionJson(fields).parse(node, "Filter"));
    }
}
