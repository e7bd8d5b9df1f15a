package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How S3 is reached (section {@code ingest.s3}).
 *
 * @param region the S3 client's region ({@code ingest.s3.region}); empty, the default, for the AWS default provider chain
 * @param endpoint an S3-compatible endpoint such as MinIO's ({@code ingest.s3.endpoint}); empty, the default, for AWS
 * @param pathStyle {@code true} for {@code endpoint/bucket/key} addressing, which most S3-compatible stores need
 *                  ({@code ingest.s3.path-style}, default {@code false})
 */
public record S3Config(Optional<String> region, Optional<URI> endpoint, boolean pathStyle) {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    public S3Config {
        requireNonNull(region, "region is null");
        requireNonNull(endpoint, "endpoint is null");
        region.ifPresent(S3Config::checkRegion);
        endpoint.ifPresent(S3Config::checkEndpoint);
    }

    public static S3Config defaults() {
        return new S3Config(Optional.empty(), Optional.empty(), false);
    }

    static S3Config read(ConfigSection section) {
        S3Config defaults = defaults();
        Optional<String> region = section.optionalParsed("region", S3Config::checkRegion);
        Optional<URI> endpoint = section.optionalParsed("endpoint", text -> checkEndpoint(URI.create(text)));
        boolean pathStyle = section.flag("path-style", defaults.pathStyle());
        return section.construct(() -> new S3Config(region, endpoint, pathStyle));
    }

    private static String checkRegion(String region) {
        if (!REGION.matcher(region).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "ingest.s3.region must be a region code such as eu-central-1, not '%s'".formatted(region));
        }
        return region;
    }

    private static URI checkEndpoint(URI endpoint) {
        boolean web = "http".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme());
        if (!web || endpoint.getHost() == null) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG,
                    "ingest.s3.endpoint must be an http or https URL with a host, such as http://localhost:9000, not '%s'".formatted(endpoint));
        }
        return endpoint;
    }
}
