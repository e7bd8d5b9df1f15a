package dev.spendlens.sources;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One SOURCE argument seen as a flat list of files: a local folder or file, or an S3 prefix. */
sealed interface ExportStore permits LocalStore, S3Store {
    /** The source as the user wrote it, for messages. */
    String source();

    /** Every file under the source, recursively. */
    List<StoredObject> list();

    /** The whole content of a small file (a manifest). */
    byte[] read(StoredObject object);

    /** How a key is shown to the user: a local path, or an {@code s3://bucket/key} URI. */
    String origin(String key);

    /** Local files holding these objects' bytes, by key; for S3, downloaded copies. */
    Map<String, Path> fetch(List<StoredObject> objects);
}
