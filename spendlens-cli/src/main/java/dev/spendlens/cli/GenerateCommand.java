package dev.spendlens.cli;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.generator.ExportGenerator;
import dev.spendlens.generator.ExportGranularity;
import dev.spendlens.generator.GenerationSummary;
import dev.spendlens.generator.GeneratorOptions;
import dev.spendlens.generator.OutputFormat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./spendlens generate}: a synthetic but realistic CUR 2.0 export of a demo organisation. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic CUR 2.0 export in AWS's S3 layout, deterministic for a seed, with a ground-truth labels.json.",
                "The export ends with billing period " + "2026-10" + " unless --first-month says otherwise; caller identities start on 2026-04-08, as in real CUR."})
final class GenerateCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write <export-name>/, earlier-delivery/ and labels.json into.")
    Path out;

    @Option(names = "--months", paramLabel = "N", description = "Billing periods (default 6).")
    Integer months;

    @Option(names = "--principals", paramLabel = "N", description = "Distinct callers (default 60).")
    Integer principals;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default 42).")
    Long seed;

    @Option(names = "--granularity", paramLabel = "HOURLY|DAILY", defaultValue = "HOURLY", description = "Line item granularity (default ${DEFAULT-VALUE}).")
    String granularity;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet", description = "Snappy Parquet or gzip CSV (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--rows", paramLabel = "N", description = "About how many line items to write (within 10%).")
    Long rows;

    @Option(names = "--first-month", paramLabel = "YYYY-MM", description = "First billing period (default: so that the export ends with 2026-10).")
    String firstMonth;

    @Option(names = "--export-name", paramLabel = "NAME", description = "The Data Exports export name (default spendlens-demo).")
    String exportName;

    GenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        GenerationSummary summary = new ExportGenerator().generate(options(), context.err()::println);
        context.out().printf("Wrote %s line items (%s Bedrock) in %d billing periods to %s in %.1f s%n", Numbers.count(summary.lineItems()),
                Numbers.count(summary.bedrockLineItems()), summary.periods().size(), summary.exportRoot(), summary.elapsed().toMillis() / 1000.0);
        summary.restatedPeriod().ifPresent(period -> context.out().printf("  %s is delivered twice: first at %s, restated in the export above%n", period,
                summary.earlierDeliveryRoot().map(Path::toString).orElse("?")));
        context.out().printf("  %d principals, %d injected anomalies; ground truth in %s%n", summary.principals(), summary.anomalies(), summary.labelsFile());
        return 0;
    }

    GeneratorOptions options() {
        GeneratorOptions defaults = GeneratorOptions.defaults(out);
        int monthCount = months == null ? defaults.months() : months;
        YearMonth first = firstMonth == null ? GeneratorOptions.ANCHOR_LAST_MONTH.minusMonths(monthCount - 1L) : yearMonth(firstMonth);
        return new GeneratorOptions(out, monthCount, principals == null ? defaults.principals() : principals, seed == null ? defaults.seed() : seed,
                enumValue(ExportGranularity.class, granularity, "--granularity"), enumValue(OutputFormat.class, format, "--format"),
                rows == null ? OptionalLong.empty() : OptionalLong.of(rows), first, exportName == null ? defaults.exportName() : exportName,
                defaults.principalDataFrom());
    }

    private static YearMonth yearMonth(String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "--first-month '%s' is not a month like 2026-05".formatted(value));
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "%s '%s' is not one of %s".formatted(option, value, java.util.Arrays.toString(type.getEnumConstants())));
        }
    }
}
