package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.ExportFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Turns the SOURCE arguments of {@code spendlens ingest} (local folders, local files, {@code s3://bucket/prefix}) into
 * the deliveries to load, with every file on local disk. Deliveries come in billing-period order, and within a period
 * oldest first, so that an ingester that replaces a period each time it sees one ends with the newest delivery.
 *
 * <p>Close it when the deliveries have been loaded: it deletes S3 downloads made to a temporary folder (a configured
 * {@link SourceSettings#downloadDir()} is kept) and closes the S3 client. Not thread-safe.
 */
public final class ExportSources implements AutoCloseable {
    private static final int S3_PAGE_SIZE = 1000;
    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    /** Billing period (none first), then delivery time: the newest delivery of a period comes last. */
    private static final Comparator<Delivery> LOAD_ORDER = Comparator
            .comparing((Delivery delivery) -> delivery.billingPeriod().orElse(""))
            .thenComparing(Delivery::deliveredAt)
            .thenComparing(Delivery::exportName)
            .thenComparing(Delivery::origin);

    private final SourceSettings settings;
    private final int s3PageSize;
    private Optional<DefaultCredentialsProvider> credentials = Optional.empty();
    private Optional<S3Client> s3Client = Optional.empty();
    private Optional<Path> temporaryDownloads = Optional.empty();
    private boolean closed;

    public ExportSources(SourceSettings settings) {
        this(settings, S3_PAGE_SIZE);
    }

    /** With a smaller S3 listing page, so that tests see pagination without thousands of objects. */
    ExportSources(SourceSettings settings, int s3PageSize) {
        this.settings = requireNonNull(settings, "settings is null");
        if (s3PageSize < 1 || s3PageSize > S3_PAGE_SIZE) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "S3 page size must be 1 to 1000, not " + s3PageSize);
        }
        this.s3PageSize = s3PageSize;
    }

    /**
     * The deliveries found under the sources, downloaded where needed, in load order.
     *
     * @param sources local folders or files, or {@code s3://bucket/prefix} URIs; at least one
     * @param progress receives one line at a time about listing, downloads (files, bytes, rate) and ignored files
     */
    public List<Delivery> resolve(List<String> sources, Consumer<String> progress) {
        requireNonNull(sources, "sources is null");
        requireNonNull(progress, "progress is null");
        if (closed) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "ExportSources used after close(): create a new one");
        }
        if (sources.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "no source given: pass a folder, a data file or an s3://bucket/prefix URI");
        }
        // the same delivery reached through two overlapping sources is loaded once
        Map<List<String>, Delivery> unique = new LinkedHashMap<>();
        for (String source : sources) {
            for (Delivery delivery : resolveOne(source, progress)) {
                List<String> identity = Stream.concat(delivery.manifest().stream(), delivery.files().stream().map(ExportFile::origin)).toList();
                unique.putIfAbsent(identity, delivery);
            }
        }
        List<Delivery> deliveries = new ArrayList<>(unique.values());
        deliveries.sort(LOAD_ORDER);
        return List.copyOf(deliveries);
    }

    /**
     * Checks a source's form before anything is read, for sources that come from elsewhere than the command line:
     * an {@code s3://bucket/prefix} URI with a valid bucket name, or an absolute local path. Throws
     * {@code INVALID_ARGUMENT} saying what is wrong; whether it exists is found when it is read.
     */
    public static void checkForm(String source) {
        requireNonNull(source, "source is null");
        if (source.isBlank() || source.chars().anyMatch(Character::isISOControl)) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "source '%s' is empty or holds control characters".formatted(source.strip()));
        }
        if (S3Location.isS3(source)) {
            S3Location.parse(source);
            return;
        }
        if (URI_SCHEME.matcher(source).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "unsupported source %s: pass a local folder or file, or an s3://bucket/prefix URI".formatted(source));
        }
        try {
            if (!Path.of(source).isAbsolute()) {
                throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "source %s is a relative path: give an absolute one (or an s3://bucket/prefix URI)".formatted(source));
            }
        } catch (java.nio.file.InvalidPathException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "source %s is not a valid path: %s".formatted(source, e.getMessage()));
        }
    }

    private List<Delivery> resolveOne(String source, Consumer<String> progress) {
        ExportStore store = store(requireNonNull(source, "source is null"), progress);
        List<StoredObject> objects = store.list();
        List<DeliveryPlanner.PlannedDelivery> planned = new DeliveryPlanner(store, progress).plan(objects);
        if (planned.isEmpty()) {
            throw new SpendlensException(ErrorCode.SOURCE_NOT_FOUND,
                    "found no data files (.parquet, .csv.gz or .csv) in source %s among its %d file(s): point at the folder that holds the export, or at a data file"
                            .formatted(source, objects.size()));
        }
        Map<String, Path> local = store.fetch(planned.stream().flatMap(delivery -> delivery.files().stream()).distinct().toList());
        List<Delivery> deliveries = planned.stream().map(delivery -> new Delivery(
                        delivery.exportName(),
                        delivery.billingPeriod(),
                        delivery.files().stream().map(file -> exportFile(store, file, local.get(file.key()), delivery.billingPeriod())).toList(),
                        delivery.deliveredAt(),
                        delivery.manifestKey().map(store::origin),
                        delivery.ignored().stream().map(file -> store.origin(file.key())).toList(),
                        store.origin(delivery.folder())))
                .toList();
        progress.accept("%s: %d data file(s) in %d delivery(ies)".formatted(
                source, deliveries.stream().mapToInt(delivery -> delivery.files().size()).sum(), deliveries.size()));
        return deliveries;
    }

    private static ExportFile exportFile(ExportStore store, StoredObject file, Path path, Optional<String> billingPeriod) {
        return new ExportFile(path, file.path().dataFileType().orElseThrow(), store.origin(file.key()), billingPeriod);
    }

    private ExportStore store(String source, Consumer<String> progress) {
        if (source.isBlank()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "empty source: pass a folder, a data file or an s3://bucket/prefix URI");
        }
        if (S3Location.isS3(source)) {
            return new S3Store(s3Client(), source, s3PageSize, this::downloadRoot, progress);
        }
        if (URI_SCHEME.matcher(source).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT,
                    "unsupported source %s: pass a local folder or file, or an s3://bucket/prefix URI (write s3a:// and https:// S3 URLs as s3://bucket/key)".formatted(source));
        }
        return new LocalStore(source);
    }

    private S3Client s3Client() {
        if (s3Client.isEmpty()) {
            // its own chain rather than the shared create() instance, so that close() can release it
            DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
            credentials = Optional.of(chain);
            s3Client = Optional.of(S3Store.client(settings, chain));
        }
        return s3Client.get();
    }

    private Path downloadRoot() {
        try {
            if (settings.downloadDir().isPresent()) {
                return Files.createDirectories(settings.downloadDir().get());
            }
            if (temporaryDownloads.isEmpty()) {
                temporaryDownloads = Optional.of(Files.createTempDirectory("spendlens-s3-"));
            }
            return temporaryDownloads.get();
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                    "cannot create a folder for S3 downloads (%s): set a writable download folder".formatted(e), e);
        }
    }

    /** Closes the S3 client and deletes downloads made to a temporary folder. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        s3Client.ifPresent(S3Client::close);
        credentials.ifPresent(DefaultCredentialsProvider::close);
        if (temporaryDownloads.isPresent()) {
            Path folder = temporaryDownloads.get();
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                        "cannot delete the S3 downloads in %s (%s): delete the folder by hand".formatted(folder, e), e);
            }
        }
    }
}
