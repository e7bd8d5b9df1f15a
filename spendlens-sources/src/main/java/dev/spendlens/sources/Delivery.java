package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import dev.spendlens.export.ExportFile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The data files of one delivery of an export: for CUR 2.0, one billing period as one manifest (or, without a
 * manifest, one folder) lists it. A later delivery of the same period replaces an earlier one.
 *
 * @param exportName the export (or legacy report) name, from the manifest or the path
 * @param billingPeriod {@code YYYY-MM}, from {@code BILLING_PERIOD=}, {@code year=/month=} or a legacy
 *     {@code YYYYMMDD-YYYYMMDD} folder; empty when the path says nothing (the rows still do)
 * @param files the files to load, in name order; local copies for S3 sources
 * @param deliveredAt the manifest's {@code deliveryTimestamp}; without a manifest, the newest modification
 *     time of the files (S3 {@code LastModified} or the local file's)
 * @param manifest the manifest the file list came from, as {@code s3://} URI or local path; empty without one
 * @param ignoredFiles data files found in the period's folder that the manifest does not list (left over from
 *     an earlier delivery); they are not loaded
 * @param origin where the delivery was found, for messages: the folder (local path or {@code s3://} URI)
 */
public record Delivery(
        String exportName,
        Optional<String> billingPeriod,
        List<ExportFile> files,
        Instant deliveredAt,
        Optional<String> manifest,
        List<String> ignoredFiles,
        String origin) {
    public Delivery {
        requireNonNull(exportName, "exportName is null");
        requireNonNull(billingPeriod, "billingPeriod is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(deliveredAt, "deliveredAt is null");
        requireNonNull(manifest, "manifest is null");
        ignoredFiles = List.copyOf(requireNonNull(ignoredFiles, "ignoredFiles is null"));
        requireNonNull(origin, "origin is null");
    }
}
