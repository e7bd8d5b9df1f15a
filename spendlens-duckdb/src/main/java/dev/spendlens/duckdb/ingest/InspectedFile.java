package dev.spendlens.duckdb.ingest;

import static java.util.Objects.requireNonNull;

import dev.spendlens.export.ExportFile;

/** An export file whose columns have been read and checked. */
record InspectedFile(ExportFile file, CurFlavor flavor, SourceColumns columns) {
    InspectedFile {
        requireNonNull(file, "file is null");
        requireNonNull(flavor, "flavor is null");
        requireNonNull(columns, "columns is null");
    }

    String name() {
        return file.origin();
    }
}
