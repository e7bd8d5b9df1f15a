package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where exports are read from (section {@code ingest}).
 *
 * @param downloadDirectory where S3 objects are staged before they are read ({@code ingest.download-dir});
 *                          empty, the default, for a temporary directory
 * @param s3 how S3 is reached ({@code ingest.s3})
 * @param sources the exports {@code serve} ingests by itself, and {@code ingest} reads when given no SOURCE: folders,
 *                files or {@code s3://bucket/prefix} URIs ({@code ingest.sources}, default none: no scheduled ingest)
 * @param every how often {@code serve} ingests the sources ({@code ingest.every}, default 6h; at least 1s)
 */
public record IngestConfig(Optional<Path> downloadDirectory, S3Config s3, List<String> sources, Duration every) {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    public IngestConfig {
        requireNonNull(downloadDirectory, "downloadDirectory is null");
        requireNonNull(s3, "s3 is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        requireNonNull(every, "every is null");
        if (every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "ingest.every must be at least 1s, was " + every);
        }
    }

    public static IngestConfig defaults() {
        return new IngestConfig(Optional.empty(), S3Config.defaults(), List.of(), Duration.ofHours(6));
    }

    static IngestConfig read(ConfigSection section) {
        Optional<Path> download = section.optionalPath("download-dir");
        S3Config s3 = S3Config.read(section.section("s3"));
        List<String> sources = section.locations("sources", List.of());
        Duration every = section.parsed("every", defaults().every(), IngestConfig::duration);
        return new IngestConfig(download, s3, sources, every);
    }

    /** {@code 45s}, {@code 30m}, {@code 6h} or {@code 1d}: a whole number and a unit, at least one second. */
    public static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("write a whole number and a unit: 45s, 30m, 6h or 1d");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be at least 1s");
        }
        return duration;
    }
}
