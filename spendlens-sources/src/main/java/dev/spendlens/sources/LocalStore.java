package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A local folder, walked recursively (following links), or a single local file. Keys are absolute paths. */
final class LocalStore implements ExportStore {
    private final String source;
    private final Path root;

    LocalStore(String source) {
        this.source = requireNonNull(source, "source is null");
        this.root = Path.of(source).toAbsolutePath().normalize();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<StoredObject> list() {
        if (!Files.exists(root)) {
            String where = root.toString().equals(source) ? source : "%s (%s)".formatted(source, root);
            throw new SpendlensException(ErrorCode.SOURCE_NOT_FOUND,
                    "source %s does not exist: pass an existing folder, a data file or an s3://bucket/prefix URI".formatted(where));
        }
        List<StoredObject> objects = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        objects.add(new StoredObject(key(file), attributes.size(), attributes.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof FileSystemLoopException) {
                        return FileVisitResult.CONTINUE; // a link back up the tree: its files are listed once already
                    }
                    throw e;
                }
            });
        } catch (AccessDeniedException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                    "cannot read %s under source %s: permission denied; give the user running Spendlens read access".formatted(e.getFile(), source), e);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot list source %s: %s".formatted(source, e), e);
        }
        return objects;
    }

    @Override
    public byte[] read(StoredObject object) {
        try {
            return Files.readAllBytes(Path.of(object.key()));
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot read %s: %s".formatted(object.key(), e), e);
        }
    }

    @Override
    public String origin(String key) {
        return key;
    }

    @Override
    public Map<String, Path> fetch(List<StoredObject> objects) {
        Map<String, Path> paths = new LinkedHashMap<>();
        objects.forEach(object -> paths.put(object.key(), Path.of(object.key())));
        return paths;
    }

    /** Keys use {@code /} whatever the platform, as S3 keys do, so one set of layout rules reads both. */
    private static String key(Path file) {
        return file.toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
