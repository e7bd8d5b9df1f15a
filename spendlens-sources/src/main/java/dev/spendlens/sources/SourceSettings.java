package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link ExportSources} reaches S3 and where it puts downloaded files.
 *
 * @param s3Region the AWS region to sign requests for; default: the SDK's region chain ({@code AWS_REGION},
 *     {@code aws.region}, the profile, instance metadata), then {@code us-east-1}
 * @param s3Endpoint an S3-compatible endpoint (MinIO, Ceph, s3proxy, a VPC endpoint); default: AWS S3
 * @param s3PathStyle address buckets as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key};
 *     most S3-compatible stores need it; default false
 * @param downloadDir where S3 objects are downloaded and kept after the run; default: a temporary folder
 *     deleted when the {@link ExportSources} is closed
 */
public record SourceSettings(Optional<String> s3Region, Optional<URI> s3Endpoint, boolean s3PathStyle, Optional<Path> downloadDir) {
    public SourceSettings {
        requireNonNull(s3Region, "s3Region is null");
        requireNonNull(s3Endpoint, "s3Endpoint is null");
        requireNonNull(downloadDir, "downloadDir is null");
    }

    /** AWS S3 through the default region and credentials chains, downloads to a temporary folder. */
    public static SourceSettings defaults() {
        return new SourceSettings(Optional.empty(), Optional.empty(), false, Optional.empty());
    }
}
