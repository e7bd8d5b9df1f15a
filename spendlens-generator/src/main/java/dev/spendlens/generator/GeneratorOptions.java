package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What {@link ExportGenerator} writes. Same options, same bytes: nothing depends on today's date.
 *
 * @param out folder that receives {@code <exportName>/}, {@code earlier-delivery/} and {@code labels.json}
 * @param months number of billing periods; default 6
 * @param principals number of distinct callers (people, applications, agents); default 60, at least 8
 * @param seed seed of every random choice; default 42
 * @param granularity hourly or daily line items; default {@link ExportGranularity#HOURLY}
 * @param format Parquet or gzip CSV; default {@link OutputFormat#PARQUET}
 * @param targetRows about how many line items to write (within 10%); default empty, which lets the organisation decide
 * @param firstMonth first billing period; default chosen so that the export ends with {@link #ANCHOR_LAST_MONTH}
 * @param exportName the Data Exports export name, letters, digits, '-' and '_'; default {@code spendlens-demo}
 * @param principalDataFrom first day on which CUR carries {@code line_item_iam_principal}; default {@link #IAM_PRINCIPAL_DATA_START}
 */
public record GeneratorOptions(
        Path out,
        int months,
        int principals,
        long seed,
        ExportGranularity granularity,
        OutputFormat format,
        OptionalLong targetRows,
        YearMonth firstMonth,
        String exportName,
        LocalDate principalDataFrom) {

    /** The fixed last billing period of the default export, so that output never depends on the clock. */
    public static final YearMonth ANCHOR_LAST_MONTH = YearMonth.of(2026, 10);
    /** The day AWS started writing caller identities into CUR 2.0. */
    public static final LocalDate IAM_PRINCIPAL_DATA_START = LocalDate.of(2026, 4, 8);
    public static final int DEFAULT_MONTHS = 6;
    public static final int DEFAULT_PRINCIPALS = 60;
    public static final long DEFAULT_SEED = 42;
    public static final String DEFAULT_EXPORT_NAME = "spendlens-demo";
    public static final int MIN_PRINCIPALS = 8;
    public static final int MAX_PRINCIPALS = 5_000;
    public static final int MAX_MONTHS = 36;
    public static final long MIN_TARGET_ROWS = 1_000;
    public static final long MAX_TARGET_ROWS = 500_000_000;

    private static final Pattern EXPORT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public GeneratorOptions {
        requireNonNull(out, "out is null");
        requireNonNull(granularity, "granularity is null");
        requireNonNull(format, "format is null");
        requireNonNull(targetRows, "targetRows is null");
        requireNonNull(firstMonth, "firstMonth is null");
        requireNonNull(exportName, "exportName is null");
        requireNonNull(principalDataFrom, "principalDataFrom is null");
        if (months < 1 || months > MAX_MONTHS) {
            throw invalid("months must be between 1 and %d, was %d".formatted(MAX_MONTHS, months));
        }
        if (principals < MIN_PRINCIPALS || principals > MAX_PRINCIPALS) {
            throw invalid("principals must be between %d and %d, was %d".formatted(MIN_PRINCIPALS, MAX_PRINCIPALS, principals));
        }
        if (targetRows.isPresent() && (targetRows.getAsLong() < MIN_TARGET_ROWS || targetRows.getAsLong() > MAX_TARGET_ROWS)) {
            throw invalid("rows must be between %d and %d, was %d".formatted(MIN_TARGET_ROWS, MAX_TARGET_ROWS, targetRows.getAsLong()));
        }
        if (!EXPORT_NAME.matcher(exportName).matches()) {
            throw invalid("export name '%s' may only hold letters, digits, '-' and '_' (1 to 128 characters)".formatted(exportName));
        }
    }

    /** The defaults listed on the record, writing under {@code out}. */
    public static GeneratorOptions defaults(Path out) {
        return new GeneratorOptions(out, DEFAULT_MONTHS, DEFAULT_PRINCIPALS, DEFAULT_SEED, ExportGranularity.HOURLY,
                OutputFormat.PARQUET, OptionalLong.empty(), ANCHOR_LAST_MONTH.minusMonths(DEFAULT_MONTHS - 1L),
                DEFAULT_EXPORT_NAME, IAM_PRINCIPAL_DATA_START);
    }

    /** The last billing period written. */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(months - 1L);
    }

    /** The billing periods written, oldest first. */
    public List<YearMonth> periods() {
        List<YearMonth> periods = new ArrayList<>(months);
        for (int index = 0; index < months; index++) {
            periods.add(firstMonth.plusMonths(index));
        }
        return List.copyOf(periods);
    }

    public GeneratorOptions withOut(Path out) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    /** The same last month, with {@code months} periods ending in it. */
    public GeneratorOptions withMonths(int months) {
        YearMonth last = lastMonth();
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, last.minusMonths(months - 1L), exportName, principalDataFrom);
    }

    public GeneratorOptions withPrincipals(int principals) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    public GeneratorOptions withSeed(long seed) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    public GeneratorOptions withGranularity(ExportGranularity granularity) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    public GeneratorOptions withFormat(OutputFormat format) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    public GeneratorOptions withTargetRows(long targetRows) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, OptionalLong.of(targetRows), firstMonth, exportName, principalDataFrom);
    }

    /** The same number of months, starting at {@code firstMonth}. */
    public GeneratorOptions withFirstMonth(YearMonth firstMonth) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    public GeneratorOptions withExportName(String exportName) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    public GeneratorOptions withPrincipalDataFrom(LocalDate principalDataFrom) {
        return new GeneratorOptions(out, months, principals, seed, granularity, format, targetRows, firstMonth, exportName, principalDataFrom);
    }

    private static SpendlensException invalid(String message) {
        return new SpendlensException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
