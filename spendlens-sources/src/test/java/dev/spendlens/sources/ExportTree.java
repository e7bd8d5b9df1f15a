package dev.spendlens.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds export folders on disk for tests. Data files hold a short text naming them (nothing here parses them);
 * manifests are written as AWS writes them, with {@code dataFiles} pointing at the bucket AWS delivered to, which
 * is never where the test reads them from.
 */
final class ExportTree {
    static final String AWS_PREFIX = "s3://billing-exports-123456789012/cur2/";

    private final Path root;

    ExportTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A file at {@code relative} (a {@code /}-separated path) holding its own path as text. */
    Path file(String relative) {
        return file(relative, "content of " + relative);
    }

    Path file(String relative, String content) {
        Path path = root.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            return Files.writeString(path, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same file, last modified at {@code time}. */
    Path modifiedAt(Path path, Instant time) {
        try {
            return Files.setLastModifiedTime(path, FileTime.from(time));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CUR 2.0 manifest at {@code <exportRoot>/metadata/<partition>/<export>-Manifest.json} listing data files by their
     * path below {@code <export>/data/}.
     */
    Path manifest(String exportRoot, String partition, Instant deliveredAt, String... filesBelowData) {
        String exportName = exportRoot.substring(exportRoot.lastIndexOf('/') + 1);
        String dataFiles = Arrays.stream(filesBelowData)
                .map(file -> "\"" + AWS_PREFIX + exportName + "/data/" + file + "\"")
                .collect(Collectors.joining(", "));
        String json = """
                {
                  "version": "1.0",
                  "exportArn": "arn:aws:bcm-data-exports:us-east-1:123456789012:export/%1$s-0f1e2d3c",
                  "exportName": "%1$s",
                  "executionId": "exec-%2$d",
                  "deliveryTimestamp": "%3$s",
                  "billingPeriod": {"start": "2026-09-01T00:00:00.000Z", "end": "2026-10-01T00:00:00.000Z"},
                  "dataFiles": [%4$s],
                  "columns": [{"name": "line_item_unblended_cost", "type": "double"}]
                }
                """.formatted(exportName, deliveredAt.getEpochSecond(), deliveredAt, dataFiles);
        return file(exportRoot + "/metadata/" + partition + "/" + exportName + "-Manifest.json", json);
    }

    /** Every regular file under the root, as {@code /}-separated relative paths. */
    List<String> relativeFiles() {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
