package dev.spendlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

/** The benchmark's results as a Markdown section for docs/benchmarks.md, with the machine it ran on. */
public final class BenchReport {
    private BenchReport() {}

    public static String markdown(ApiBenchmark.Result result, LocalDate date) {
        StringBuilder text = new StringBuilder();
        ApiBenchmark.Options options = result.options();
        text.append("Run on %s: %s, %d cores, %s RAM, %s, Java %s. Load average %.2f before, %.2f after (the machine is shared).%n%n".formatted(
                date, cpu(), Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"), result.loadBefore(), result.loadAfter()));
        text.append("Data: %,d line items in the export (%s to %s), %,d rows in `cost_daily`, store %.0f MB.%n%n".formatted(result.exportLineItems(),
                result.coverage().firstDay().map(Object::toString).orElse("?"), result.coverage().lastDay().map(Object::toString).orElse("?"),
                result.coverage().dailyRows(), result.coverage().storeBytes() / 1e6));
        text.append("| question | API p50, 1 client | API p95, 1 client | API p50, %d clients | API p95, %d clients | API p99, %d clients | requests/s, %d clients | CPU per request, 1 / %d clients | raw DuckDB SQL over the export, p50 / p95 (%d runs) |%n"
                .formatted(options.clients(), options.clients(), options.clients(), options.clients(), options.clients(), options.referenceRuns()));
        text.append("|---|---|---|---|---|---|---|---|---|\n");
        for (ApiBenchmark.Measurement measurement : result.measurements()) {
            text.append("| %s | %s | %s | %s | %s | %s | %.1f | %s / %s | %s / %s |%n".formatted(measurement.question().name(), ms(measurement.oneClient().p50Millis()),
                    ms(measurement.oneClient().p95Millis()), ms(measurement.concurrent().p50Millis()), ms(measurement.concurrent().p95Millis()),
                    ms(measurement.concurrent().p99Millis()), measurement.concurrent().throughput(), ms(measurement.oneClient().cpuMillisPerRequest()),
                    ms(measurement.concurrent().cpuMillisPerRequest()), ms(measurement.reference().p50Millis()), ms(measurement.reference().p95Millis())));
        }
        text.append("\n%d measured requests per question and load, after %d warm-up requests; latency is the client's, over HTTP on loopback; CPU per request is the whole process's (server, DuckDB, client) CPU time over the requests.%n".formatted(
                options.requests(), options.warmup()));
        text.append("\nQuestions:\n");
        for (ApiBenchmark.Measurement measurement : result.measurements()) {
            text.append("- **%s**: `%s`%n".formatted(measurement.question().name(), measurement.question().request()));
        }
        return text.toString();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemTotal")).findFirst()
                    .map(line -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
