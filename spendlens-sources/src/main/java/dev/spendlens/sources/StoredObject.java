package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A file as a store lists it, before it is read or downloaded: its key (an S3 key or a local path), size and age. */
record StoredObject(String key, long size, Instant lastModified) {
    StoredObject {
        requireNonNull(key, "key is null");
        requireNonNull(lastModified, "lastModified is null");
    }

    ExportPath path() {
        return ExportPath.of(key);
    }
}
