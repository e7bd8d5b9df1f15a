package dev.spendlens.duckdb.ingest;

import static java.util.Objects.requireNonNull;

import dev.spendlens.export.ExportFile;

import java.util.OptionalLong;

/**
 * An export file whose columns have been read and checked.
 *
 * @param rows the file's line items when its metadata says (Parquet), empty for CSV
 */
record InspectedFile(ExportFile file, CurFlavor flavor, SourceColumns columns, OptionalLong rows) {
    InspectedFile {
        requireNonNull(file, "file is null");
        requireNonNull(flavor, "flavor is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
    }

    String name() {
        return file.origin();
    }
}
