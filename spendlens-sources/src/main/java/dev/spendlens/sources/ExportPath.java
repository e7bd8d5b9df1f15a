package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import dev.spendlens.export.FileType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the path of an export file says about it: which export, which billing period, which CUR 2.0 partition.
 * The path is a {@code /}-separated key: an S3 object key or a local absolute path.
 *
 * <p>Layouts recognised (the last match in the path wins):
 * <pre>
 * CUR 2.0 data      .../&lt;export&gt;/data/BILLING_PERIOD=2026-09/[&lt;delivery&gt;/]&lt;export&gt;-00001.snappy.parquet
 * CUR 2.0 manifest  .../&lt;export&gt;/metadata/BILLING_PERIOD=2026-09/[&lt;delivery&gt;/]&lt;export&gt;-Manifest.json
 * legacy, Athena    .../&lt;report&gt;/year=2025/month=11/&lt;report&gt;-00001.snappy.parquet
 * legacy, CSV       .../&lt;report&gt;/20251101-20251201/[&lt;assemblyId&gt;/]&lt;report&gt;-1.csv.gz
 * </pre>
 */
record ExportPath(String key, List<String> segments) {
    private static final String PARTITION = "BILLING_PERIOD=";
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("year=(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("month=(\\d{1,2})");
    private static final Pattern DATE_RANGE = Pattern.compile("(\\d{4})(\\d{2})\\d{2}-\\d{8}");
    private static final Pattern CHUNK_SUFFIX = Pattern.compile("-\\d+$");

    ExportPath {
        requireNonNull(key, "key is null");
        segments = List.copyOf(segments);
    }

    static ExportPath of(String key) {
        return new ExportPath(key, List.of(key.split("/", -1)));
    }

    /** A CUR 2.0 partition: the folder of one export and one billing period. */
    record Partition(String exportRoot, String exportName, String label) {
        /** The folder that holds this partition's data files. */
        String dataFolder() {
            return exportRoot + "/data/" + PARTITION + label;
        }

        Optional<String> billingPeriod() {
            return YEAR_MONTH.matcher(label).matches() ? Optional.of(label) : Optional.empty();
        }
    }

    String fileName() {
        return segments.get(segments.size() - 1);
    }

    /** The folder holding the file, as a key. */
    String folder() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    /** Parquet, gzip CSV or CSV, and not a hidden file (such as a macOS {@code ._name} resource fork). */
    Optional<FileType> dataFileType() {
        return fileName().startsWith(".") ? Optional.empty() : FileType.ofName(fileName());
    }

    boolean isDataFile() {
        return dataFileType().isPresent();
    }

    /** The partition of a CUR 2.0 data file: {@code <export>/data/BILLING_PERIOD=...} above the file. */
    Optional<Partition> dataPartition() {
        return isDataFile() ? partitionUnder("data") : Optional.empty();
    }

    /** The partition of a CUR 2.0 (Data Exports) manifest; legacy CUR manifests, laid out differently, have none. */
    Optional<Partition> manifestPartition() {
        return fileName().endsWith("-Manifest.json") ? partitionUnder("metadata") : Optional.empty();
    }

    private Optional<Partition> partitionUnder(String kind) {
        // folders only: the file name itself is never a partition
        for (int i = segments.size() - 3; i >= 1; i--) {
            if (segments.get(i).equals(kind) && segments.get(i + 1).startsWith(PARTITION)) {
                String exportRoot = String.join("/", segments.subList(0, i));
                return Optional.of(new Partition(exportRoot, segments.get(i - 1), segments.get(i + 1).substring(PARTITION.length())));
            }
        }
        return Optional.empty();
    }

    /** {@code YYYY-MM} from the CUR 2.0 partition, an Athena {@code year=/month=} pair or a legacy date range folder. */
    Optional<String> billingPeriod() {
        Optional<Partition> partition = dataPartition().or(this::manifestPartition);
        if (partition.isPresent()) {
            return partition.get().billingPeriod();
        }
        for (int i = segments.size() - 2; i >= 0; i--) {
            String folder = segments.get(i);
            Optional<String> period = athenaPeriod(i).or(() -> dateRangePeriod(folder));
            if (period.isPresent()) {
                return period;
            }
        }
        return Optional.empty();
    }

    /** The export (or legacy report) name: the folder above the partition, else the file name without its chunk number. */
    String exportName() {
        Optional<Partition> partition = dataPartition().or(this::manifestPartition);
        if (partition.isPresent()) {
            return partition.get().exportName();
        }
        for (int i = segments.size() - 2; i >= 1; i--) {
            boolean partitionFolder = athenaPeriod(i).isPresent() || dateRangePeriod(segments.get(i)).isPresent();
            if (partitionFolder && !segments.get(i - 1).isEmpty()) {
                return segments.get(i - 1);
            }
        }
        return baseName(fileName());
    }

    private Optional<String> athenaPeriod(int index) {
        Matcher year = YEAR.matcher(segments.get(index));
        if (!year.matches() || index + 1 >= segments.size() - 1) {
            return Optional.empty();
        }
        Matcher month = MONTH.matcher(segments.get(index + 1));
        if (!month.matches()) {
            return Optional.empty();
        }
        int monthNumber = Integer.parseInt(month.group(1));
        if (monthNumber < 1 || monthNumber > 12) {
            return Optional.empty();
        }
        return Optional.of("%s-%02d".formatted(year.group(1), monthNumber));
    }

    private static Optional<String> dateRangePeriod(String segment) {
        Matcher range = DATE_RANGE.matcher(segment);
        return range.matches() ? Optional.of(range.group(1) + "-" + range.group(2)) : Optional.empty();
    }

    /** {@code my-export-00001.snappy.parquet} becomes {@code my-export}. */
    private static String baseName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String name = fileName;
        for (String extension : List.of(".snappy.parquet", ".gz.parquet", ".parquet", ".csv.gzip", ".csv.gz", ".csv")) {
            if (lower.endsWith(extension)) {
                name = fileName.substring(0, fileName.length() - extension.length());
                break;
            }
        }
        String withoutChunk = CHUNK_SUFFIX.matcher(name).replaceFirst("");
        return withoutChunk.isEmpty() ? name : withoutChunk;
    }
}
