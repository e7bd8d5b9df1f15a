package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import java.util.regex.Pattern;

/** A bucket and a key prefix, parsed from {@code s3://bucket/prefix}. The prefix may be empty or a whole key. */
record S3Location(String bucket, String prefix) {
    // permissive: old us-east-1 buckets may have upper-case letters and underscores
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,254}");

    S3Location {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(prefix, "prefix is null");
    }

    static boolean isS3(String source) {
        return source.regionMatches(true, 0, "s3://", 0, 5);
    }

    static S3Location parse(String source) {
        String rest = source.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                    "'%s' is not a valid S3 source: write it as s3://bucket/prefix, with a bucket name of letters, digits, dots and hyphens (found '%s')"
                            .formatted(source, bucket));
        }
        return new S3Location(bucket, prefix);
    }

    /** The prefix as a folder ({@code a/b/}), so that {@code s3://bucket/a/b} does not also match {@code a/b-old/}. */
    String folderPrefix() {
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri(prefix);
    }
}
