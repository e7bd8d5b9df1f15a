package dev.spendlens.generator;

/** How data files are written, as AWS Data Exports offers them. */
public enum OutputFormat {
    /** {@code <export>-00001.snappy.parquet}. */
    PARQUET,
    /** {@code <export>-00001.csv.gz}: gzip CSV with a header row, maps as JSON objects. */
    CSV;

    /** The data file name suffix AWS uses for this format. */
    public String fileSuffix() {
        return switch (this) {
            case PARQUET -> ".snappy.parquet";
            case CSV -> ".csv.gz";
        };
    }
}
