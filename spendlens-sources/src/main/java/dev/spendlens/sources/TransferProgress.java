package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Counts a download's files and bytes and reports them, with the rate, at most once a second and once at the end. */
final class TransferProgress {
    private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

    private final Consumer<String> progress;
    private final LongSupplier nanoTime;
    private final int totalFiles;
    private final long totalBytes;
    private final long startedAt;
    private long lastReportAt;
    private int files;
    private long bytes;

    TransferProgress(int totalFiles, long totalBytes, Consumer<String> progress, LongSupplier nanoTime) {
        this.progress = requireNonNull(progress, "progress is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
        this.startedAt = nanoTime.getAsLong();
        this.lastReportAt = startedAt;
    }

    void transferred(long count) {
        bytes += count;
        reportIfDue();
    }

    void fileDone() {
        files++;
        if (files == totalFiles) {
            progress.accept(message());
        } else {
            reportIfDue();
        }
    }

    private void reportIfDue() {
        long now = nanoTime.getAsLong();
        if (now - lastReportAt >= REPORT_EVERY_NANOS) {
            lastReportAt = now;
            progress.accept(message());
        }
    }

    String message() {
        double seconds = Math.max(nanoTime.getAsLong() - startedAt, 1_000_000L) / 1e9;
        return "downloaded %d/%d files, %s of %s, %s/s".formatted(
                files, totalFiles, size(bytes), size(totalBytes), size(Math.round(bytes / seconds)));
    }

    /** {@code 532 B}, {@code 1.5 KiB}, {@code 12.0 MiB}, ... */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
