package dev.spendlens.export;

import java.util.Locale;
import java.util.Optional;

/** The container of an export file, known from its name. Whether it is CUR 2.0 or legacy CUR is read from its columns. */
public enum FileType {
    PARQUET,
    CSV_GZIP,
    CSV;

    /** The type a file name implies: {@code .parquet}, {@code .csv.gz}, {@code .csv}; empty for anything else (manifests, checksums). */
    public static Optional<FileType> ofName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        if (lower.endsWith(".csv.gz") || lower.endsWith(".csv.gzip")) {
            return Optional.of(CSV_GZIP);
        }
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}
