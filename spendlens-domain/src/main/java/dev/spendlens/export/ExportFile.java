package dev.spendlens.export;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One data file of an export, available on local disk.
 *
 * @param path where the bytes are now (for S3 sources, a downloaded copy)
 * @param type Parquet or CSV
 * @param origin where the file came from, for messages: a local path or {@code s3://bucket/key}
 * @param billingPeriod the {@code BILLING_PERIOD=YYYY-MM} partition the file was delivered under, if its path says
 */
public record ExportFile(Path path, FileType type, String origin, Optional<String> billingPeriod) {
    public ExportFile {
        requireNonNull(path, "path is null");
        requireNonNull(type, "type is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(billingPeriod, "billingPeriod is null");
    }
}
