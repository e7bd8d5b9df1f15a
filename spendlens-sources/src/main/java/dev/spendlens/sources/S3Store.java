package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An S3 prefix (or one object), listed page by page; data files are streamed to local files, never held in memory. */
final class S3Store implements ExportStore {
    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "AccessDenied", "AllAccessDisabled", "AccountProblem", "ExpiredToken", "InvalidAccessKeyId",
            "InvalidSecurity", "InvalidToken", "SignatureDoesNotMatch", "TokenRefreshRequired");
    private static final Set<String> REGION_ERRORS = Set.of("AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException");

    private final S3Client client;
    private final S3Location location;
    private final String source;
    private final int pageSize;
    private final Supplier<Path> downloadRoot;
    private final Consumer<String> progress;

    S3Store(S3Client client, String source, int pageSize, Supplier<Path> downloadRoot, Consumer<String> progress) {
        this.client = requireNonNull(client, "client is null");
        this.source = requireNonNull(source, "source is null");
        this.location = S3Location.parse(source);
        this.pageSize = pageSize;
        this.downloadRoot = requireNonNull(downloadRoot, "downloadRoot is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /**
     * A client with these credentials (the default chain, in Spendlens). The region is the configured one, else the default region chain's,
     * else us-east-1; against AWS itself cross-region access is on, so a bucket in another region still works.
     */
    static S3Client client(SourceSettings settings, AwsCredentialsProvider credentials) {
        Region region = settings.s3Region().map(Region::of).orElseGet(S3Store::defaultRegion);
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .credentialsProvider(credentials)
                .region(region)
                .forcePathStyle(settings.s3PathStyle());
        settings.s3Endpoint().ifPresentOrElse(builder::endpointOverride, () -> builder.crossRegionAccessEnabled(true));
        return builder.build();
    }

    private static Region defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<StoredObject> list() {
        List<StoredObject> objects = listKeysStartingWith(location.folderPrefix());
        if (objects.isEmpty() && !location.folderPrefix().equals(location.prefix())) {
            // s3://bucket/path/file.parquet names one object rather than a folder
            objects = listKeysStartingWith(location.prefix()).stream()
                    .filter(object -> object.key().equals(location.prefix()))
                    .toList();
        }
        if (objects.isEmpty()) {
            throw new SpendlensException(ErrorCode.SOURCE_NOT_FOUND,
                    "no objects under %s: check the prefix (S3 keys are case-sensitive) and that the export has been delivered there".formatted(location));
        }
        return objects;
    }

    private List<StoredObject> listKeysStartingWith(String prefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(location.bucket())
                .prefix(prefix)
                .maxKeys(pageSize)
                .build();
        List<StoredObject> objects = new ArrayList<>();
        int pages = 0;
        try {
            for (ListObjectsV2Response page : client.listObjectsV2Paginator(request)) {
                pages++;
                for (S3Object object : page.contents()) {
                    if (!object.key().endsWith("/")) { // folder markers made by consoles and sync tools
                        objects.add(new StoredObject(object.key(), object.size(), object.lastModified()));
                    }
                }
            }
        } catch (SdkException e) {
            throw failure("list", location.uri(prefix), e);
        }
        if (!objects.isEmpty()) {
            progress.accept("%s: listed %d object(s) in %d page(s)".formatted(location.uri(prefix), objects.size(), pages));
        }
        return objects;
    }

    @Override
    public byte[] read(StoredObject object) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(location.bucket()).key(object.key()).build();
        try {
            return client.getObjectAsBytes(request).asByteArray();
        } catch (SdkException e) {
            throw failure("read", origin(object.key()), e);
        }
    }

    @Override
    public String origin(String key) {
        return location.uri(key);
    }

    @Override
    public Map<String, Path> fetch(List<StoredObject> objects) {
        if (objects.isEmpty()) {
            return Map.of(); // manifests that list no files: nothing to download, no folder to create
        }
        long totalBytes = objects.stream().mapToLong(StoredObject::size).sum();
        Path root = downloadRoot.get();
        progress.accept("downloading %d file(s), %s, from %s to %s".formatted(objects.size(), TransferProgress.size(totalBytes), location, root));
        TransferProgress transfer = new TransferProgress(objects.size(), totalBytes, progress, System::nanoTime);
        Map<String, Path> paths = new LinkedHashMap<>();
        for (StoredObject object : objects) {
            paths.put(object.key(), download(object, localPath(root, object.key()), transfer));
            transfer.fileDone();
        }
        return paths;
    }

    private Path download(StoredObject object, Path target, TransferProgress transfer) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        GetObjectRequest request = GetObjectRequest.builder().bucket(location.bucket()).key(object.key()).build();
        try {
            Files.createDirectories(target.getParent());
            try (ResponseInputStream<GetObjectResponse> in = client.getObject(request);
                    OutputStream out = Files.newOutputStream(partial)) {
                copy(in, out, transfer);
            }
            long written = Files.size(partial);
            if (written != object.size()) {
                throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                        "download of %s stopped at %d of %d bytes: the object may have been replaced meanwhile; run the ingest again"
                                .formatted(origin(object.key()), written, object.size()));
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SdkException e) {
            throw failure("download", origin(object.key()), e);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                    "cannot download %s to %s: %s; check that the download folder is writable and has room".formatted(origin(object.key()), target, e), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void copy(InputStream in, OutputStream out, TransferProgress transfer) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            transfer.transferred(read);
        }
    }

    /** {@code <root>/<bucket>/<key>}, refusing keys that would climb out of the download folder. */
    private Path localPath(Path root, String key) {
        Path path = root.resolve(location.bucket());
        for (String segment : key.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new SpendlensException(ErrorCode.CUR_UNREADABLE_FILE,
                        "object %s has a '%s' segment in its key and cannot be saved as a local file: rename it in the bucket".formatted(origin(key), segment));
            }
            if (!segment.isEmpty()) {
                path = path.resolve(segment);
            }
        }
        return path;
    }

    private SpendlensException failure(String action, String uri, SdkException e) {
        if (e instanceof S3Exception s3) {
            String code = Optional.ofNullable(s3.awsErrorDetails()).map(AwsErrorDetails::errorCode).orElse("no error code");
            String what = "%s, HTTP %d".formatted(code, s3.statusCode());
            if (code.equals("NoSuchBucket")) {
                return new SpendlensException(ErrorCode.SOURCE_NOT_FOUND,
                        "bucket '%s' does not exist (%s when trying to %s %s): check the bucket name of the source, and the S3 endpoint if you set one"
                                .formatted(location.bucket(), what, action, uri), e);
            }
            if (code.equals("NoSuchKey")) {
                return new SpendlensException(ErrorCode.SOURCE_NOT_FOUND,
                        "%s was listed but is gone (%s): a new delivery is probably being written; run the ingest again".formatted(uri, what), e);
            }
            if (CREDENTIAL_ERRORS.contains(code) || s3.statusCode() == 401 || s3.statusCode() == 403) {
                return new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                        ("S3 refused to %s %s (%s): check the credentials the AWS default chain finds (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                                + "AWS_PROFILE, aws sso login, or the instance or task role) and that they allow s3:ListBucket and s3:GetObject on bucket %s")
                                .formatted(action, uri, what, location.bucket()), e);
            }
            if (REGION_ERRORS.contains(code)) {
                return new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                        "S3 refused to %s %s (%s): the bucket is in another region; set the S3 region to the bucket's region".formatted(action, uri, what), e);
            }
            return new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                    "S3 failed to %s %s (%s): %s; run again, or check the S3 endpoint if you set one".formatted(action, uri, what, s3.getMessage()), e);
        }
        if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
            return new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                    "no AWS credentials found to %s %s: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run where an instance or task role is available"
                            .formatted(action, uri), e);
        }
        return new SpendlensException(ErrorCode.EXTERNAL_FAILURE,
                "could not reach S3 to %s %s: %s; check the network and the S3 endpoint".formatted(action, uri, e.getMessage()), e);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover .part file is harmless: it is not a data file name, and the next download replaces it
        }
    }
}
