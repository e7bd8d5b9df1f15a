package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where exports are read from (section {@code ingest}).
 *
 * @param downloadDirectory where S3 objects are staged before they are read ({@code ingest.download-dir});
 *                          empty, the default, for a temporary directory
 * @param s3 how S3 is reached ({@code ingest.s3})
 */
public record IngestConfig(Optional<Path> downloadDirectory, S3Config s3) {
    public IngestConfig {
        requireNonNull(downloadDirectory, "downloadDirectory is null");
        requireNonNull(s3, "s3 is null");
    }

    public static IngestConfig defaults() {
        return new IngestConfig(Optional.empty(), S3Config.defaults());
    }

    static IngestConfig read(ConfigSection section) {
        return new IngestConfig(section.optionalPath("download-dir"), S3Config.read(section.section("s3")));
    }
}
