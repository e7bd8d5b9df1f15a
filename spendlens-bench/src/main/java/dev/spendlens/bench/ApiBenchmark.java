package dev.spendlens.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.bench.RawExportQueries;
import dev.spendlens.duckdb.query.StoreCoverage;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.server.Json;
import dev.spendlens.server.ServerContext;
import dev.spendlens.server.ServerSettings;
import dev.spendlens.server.SpendlensServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures the REST API's latency on typical questions over HTTP, with one client and with several
 * concurrent clients, against a real server on a loopback port; and, in the same run, the same
 * questions written directly in DuckDB SQL over the raw export, for reference.
 */
public final class ApiBenchmark {
    /**
     * @param clients concurrent HTTP clients of the loaded measurement
     * @param warmup requests sent before measuring, per question
     * @param requests measured requests per question and load
     * @param referenceRuns runs of each raw-SQL reference query
     */
    public record Options(int clients, int warmup, int requests, int referenceRuns) {
        public Options {
            if (clients < 1 || warmup < 0 || requests < 1 || referenceRuns < 1) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "clients, requests and reference runs must be at least 1, warmup at least 0");
            }
        }
    }

    /** One question: its HTTP request and its raw-SQL twin. */
    public record Question(String name, String request, HttpRequest http, RawExportQueries.Question reference, LocalDate from, LocalDate to, String team) {}

    /** The figures of one question. */
    public record Measurement(Question question, Latencies oneClient, Latencies concurrent, Latencies reference, long referenceRows) {}

    /** Everything a run measured, with what it ran on. */
    public record Result(List<Measurement> measurements, Options options, StoreCoverage coverage, long exportLineItems, double loadBefore, double loadAfter) {}

    private ApiBenchmark() {}

    public static Result run(DuckDbStore store, Allocator allocator, List<Path> dataFiles, Options options, Consumer<String> progress) {
        requireNonNull(store, "store is null");
        StoreCoverage coverage = StoreCoverage.read(store);
        if (coverage.lastDay().isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the benchmark's store is empty: ingest the export first");
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LocalDate lastDay = coverage.lastDay().get();
        LocalDate yearStart = coverage.firstDay().get().withDayOfMonth(1);
        LocalDate end = lastDay.plusDays(1);
        LocalDate lastMonth = lastDay.withDayOfMonth(1);
        List<Measurement> measurements = new ArrayList<>();
        Clock clock = Clock.fixed(end.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC);
        try (SpendlensServer server = SpendlensServer.start(ServerSettings.loopback(0), new ServerContext(store, allocator, clock));
                RawExportQueries raw = new RawExportQueries(dataFiles, 0)) {
            String base = server.url();
            String team = biggestTeam(base, lastMonth, end);
            List<Question> questions = List.of(
                    new Question("month by team", "POST /api/v1/cost-and-usage, %s to %s, MONTHLY, GroupBy team".formatted(yearStart, end),
                            LoadRunner.post(base + "api/v1/cost-and-usage", """
                                    {"TimePeriod": {"Start": "%s", "End": "%s"}, "Granularity": "MONTHLY", "Metrics": ["UnblendedCost"],
                                     "GroupBy": [{"Type": "ALLOCATION", "Key": "team"}]}""".formatted(yearStart, end)),
                            RawExportQueries.Question.MONTH_BY_TEAM, yearStart, end, team),
                    new Question("day by principal for one team", "POST /api/v1/cost-and-usage, %s to %s, DAILY, GroupBy PRINCIPAL, Filter team = %s".formatted(lastMonth, end, team),
                            LoadRunner.post(base + "api/v1/cost-and-usage", """
                                    {"TimePeriod": {"Start": "%s", "End": "%s"}, "Granularity": "DAILY", "Metrics": ["UnblendedCost"],
                                     "GroupBy": [{"Type": "DIMENSION", "Key": "PRINCIPAL"}], "Filter": {"Dimensions": {"Key": "team", "Values": ["%s"]}}}"""
                                    .formatted(lastMonth, end, team)),
                            RawExportQueries.Question.DAY_BY_PRINCIPAL_FOR_ONE_TEAM, lastMonth, end, team),
                    new Question("top 20 principals", "GET /api/v1/dimensions/PRINCIPAL/values, %s to %s, pageSize 20".formatted(yearStart, end),
                            LoadRunner.get(base + "api/v1/dimensions/PRINCIPAL/values?from=%s&to=%s&pageSize=20".formatted(yearStart, end)),
                            RawExportQueries.Question.TOP_20_PRINCIPALS, yearStart, end, team));
            for (Question question : questions) {
                progress.accept("%s: %d warm-up, then %d requests from 1 client...".formatted(question.name(), options.warmup(), options.requests()));
                Latencies one = LoadRunner.run(question.http(), 1, options.warmup(), options.requests());
                progress.accept("%s: %d requests from %d concurrent clients...".formatted(question.name(), options.requests(), options.clients()));
                Latencies concurrent = LoadRunner.run(question.http(), options.clients(), 0, options.requests());
                progress.accept("%s: raw DuckDB SQL over the export, %d runs...".formatted(question.name(), options.referenceRuns()));
                long[] nanos = new long[options.referenceRuns()];
                long rows = 0;
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    rows = raw.run(question.reference(), question.from(), question.to(), question.team());
                    nanos[i] = System.nanoTime() - start;
                }
                measurements.add(new Measurement(question, one, concurrent, Latencies.of(nanos, 0), rows));
                progress.accept("%s: p50 %.1f ms, p95 %.1f ms (%d clients); raw SQL p50 %.1f ms".formatted(question.name(), concurrent.p50Millis(),
                        concurrent.p95Millis(), options.clients(), measurements.get(measurements.size() - 1).reference().p50Millis()));
            }
            return new Result(measurements, options, coverage, raw.lineItems(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String biggestTeam(String base, LocalDate from, LocalDate to) {
        String body = LoadRunner.send(HttpClient.newHttpClient(), LoadRunner.get(base + "api/v1/dimensions/team/values?from=%s&to=%s&pageSize=20".formatted(from, to)));
        try {
            JsonNode values = Json.MAPPER.readTree(body).get("DimensionValues");
            for (JsonNode value : values) {
                String team = value.get("Value").asText();
                if (!team.startsWith("__")) {
                    return team;
                }
            }
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "no team has spend in the last month of the benchmark's data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
