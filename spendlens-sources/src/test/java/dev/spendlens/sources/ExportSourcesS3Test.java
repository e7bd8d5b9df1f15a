package dev.spendlens.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.ExportFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Export sources on S3, against a real S3-compatible server ({@link LocalS3}); the code under test finds its credentials through the AWS default chain. */
class ExportSourcesS3Test {
    private static final String BUCKET = "billing-exports";
    private static final Instant SEPT_2 = Instant.parse("2026-09-02T06:14:09Z");
    private static final Instant OCT_9 = Instant.parse("2026-10-09T04:58:30Z");

    @RegisterExtension
    final LocalS3 s3 = new LocalS3();

    @TempDir
    Path folder;

    private final List<String> progress = new ArrayList<>();
    private ExportTree tree;
    private S3Client uploader;

    @BeforeEach
    void setUp() {
        tree = new ExportTree(folder.resolve("export-tree"));
        uploader = s3.uploader();
        uploader.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterEach
    void tearDown() {
        uploader.close();
    }

    private SourceSettings settings(Optional<Path> downloadDir) {
        return new SourceSettings(Optional.of("us-east-1"), Optional.of(s3.endpoint()), true, downloadDir);
    }

    /** Uploads every file of the tree under {@code prefix}, keeping its relative path. */
    private void upload(String prefix) {
        for (String relative : tree.relativeFiles()) {
            uploader.putObject(request -> request.bucket(BUCKET).key(prefix + relative), RequestBody.fromFile(tree.root().resolve(relative)));
        }
    }

    /** The bedrock-cur export: 2026-09 in one chunk, 2026-10 in two chunks plus a stale third, both with manifests. */
    private void bedrockCurExport() {
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet", "september ".repeat(5_000));
        tree.manifest("bedrock-cur", "BILLING_PERIOD=2026-09", SEPT_2, "BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet", "october one ".repeat(20_000));
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet", "october two");
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00003.snappy.parquet", "left from an earlier delivery");
        tree.manifest("bedrock-cur", "BILLING_PERIOD=2026-10", OCT_9,
                "BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet", "BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet");
        tree.file("bedrock-cur/README.txt");
    }

    private Path original(ExportFile file) {
        String key = file.origin().substring(("s3://" + BUCKET + "/exports/").length());
        return tree.root().resolve(key);
    }

    @Test
    void resolvesAPrefixIntoDeliveriesOfByteIdenticalDownloads() throws IOException {
        bedrockCurExport();
        upload("exports/");
        uploader.putObject(request -> request.bucket(BUCKET).key("exports-old/other-00001.snappy.parquet"), RequestBody.fromString("not under exports/"));

        try (ExportSources sources = new ExportSources(settings(Optional.empty()))) {
            List<Delivery> deliveries = sources.resolve(List.of("s3://" + BUCKET + "/exports"), progress::add);

            assertThat(deliveries).extracting(Delivery::billingPeriod).containsExactly(Optional.of("2026-09"), Optional.of("2026-10"));
            Delivery october = deliveries.get(1);
            assertThat(october.files()).extracting(ExportFile::origin).containsExactly(
                    "s3://billing-exports/exports/bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet",
                    "s3://billing-exports/exports/bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet");
            assertThat(october.manifest()).contains("s3://billing-exports/exports/bedrock-cur/metadata/BILLING_PERIOD=2026-10/bedrock-cur-Manifest.json");
            assertThat(october.ignoredFiles()).containsExactly(
                    "s3://billing-exports/exports/bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00003.snappy.parquet");
            assertThat(october.deliveredAt()).isEqualTo(OCT_9);
            assertThat(october.origin()).isEqualTo("s3://billing-exports/exports/bedrock-cur/data/BILLING_PERIOD=2026-10");
            for (Delivery delivery : deliveries) {
                for (ExportFile file : delivery.files()) {
                    assertThat(Files.mismatch(file.path(), original(file))).as(file.origin()).isEqualTo(-1L);
                    assertThat(file.billingPeriod()).isEqualTo(delivery.billingPeriod());
                }
            }
            Path downloads = october.files().get(0).path().getParent();
            assertThat(downloads.resolve("bedrock-cur-00003.snappy.parquet")).doesNotExist();
        }
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("downloaded 3/3 files, ").endsWith("/s"));
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("ignoring 1 data file(s)"));
    }

    @Test
    void followsEveryPageOfTheListing() {
        for (int month = 1; month <= 5; month++) {
            tree.file("bedrock-cur/data/BILLING_PERIOD=2026-0%d/bedrock-cur-00001.snappy.parquet".formatted(month));
        }
        tree.file("bedrock-cur/README.txt");
        upload("");

        try (ExportSources sources = new ExportSources(settings(Optional.empty()), 2)) {
            List<Delivery> deliveries = sources.resolve(List.of("s3://" + BUCKET), progress::add);

            assertThat(deliveries).extracting(delivery -> delivery.billingPeriod().orElseThrow())
                    .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05");
        }
        assertThat(progress).contains("s3://billing-exports/: listed 6 object(s) in 3 page(s)");
    }

    @Test
    void deletesTemporaryDownloadsOnClose() {
        bedrockCurExport();
        upload("exports/");
        Path downloaded;
        try (ExportSources sources = new ExportSources(settings(Optional.empty()))) {
            downloaded = sources.resolve(List.of("s3://" + BUCKET + "/exports/"), progress::add).get(0).files().get(0).path();
            assertThat(downloaded).exists();
        }

        assertThat(downloaded).doesNotExist();
    }

    @Test
    void keepsDownloadsInTheConfiguredFolder() {
        bedrockCurExport();
        upload("exports/");
        Path downloadDir = folder.resolve("downloads");
        Path downloaded;
        try (ExportSources sources = new ExportSources(settings(Optional.of(downloadDir)))) {
            downloaded = sources.resolve(List.of("s3://" + BUCKET + "/exports/"), progress::add).get(0).files().get(0).path();
        }

        assertThat(downloaded).exists()
                .isEqualTo(downloadDir.resolve("billing-exports/exports/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet"));
    }

    @Test
    void takesASingleObjectSourceAsItIs() {
        bedrockCurExport();
        upload("exports/");
        String chunk = "s3://billing-exports/exports/bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00003.snappy.parquet";

        try (ExportSources sources = new ExportSources(settings(Optional.empty()))) {
            assertThat(sources.resolve(List.of(chunk), progress::add)).singleElement().satisfies(delivery -> {
                assertThat(delivery.files()).extracting(ExportFile::origin).containsExactly(chunk);
                assertThat(delivery.billingPeriod()).contains("2026-10");
                assertThat(delivery.manifest()).isEmpty();
            });
        }
    }

    @Test
    void findsTheRegionFallbackWhenAnEndpointIsSetAndNoRegionIsConfigured() {
        bedrockCurExport();
        upload("exports/");
        SourceSettings noRegion = new SourceSettings(Optional.empty(), Optional.of(s3.endpoint()), true, Optional.empty());

        try (ExportSources sources = new ExportSources(noRegion)) {
            assertThat(sources.resolve(List.of("s3://" + BUCKET + "/exports"), progress::add)).hasSize(2);
        }
    }

    @Test
    void reportsAMissingBucket() {
        try (ExportSources sources = new ExportSources(settings(Optional.empty()))) {
            assertThatThrownBy(() -> sources.resolve(List.of("s3://no-such-bucket/exports"), progress::add))
                    .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                    .hasMessageContaining("bucket 'no-such-bucket' does not exist")
                    .hasMessageContaining("NoSuchBucket")
                    .hasMessageContaining("check the bucket name");
        }
    }

    @Test
    void reportsAPrefixWithoutObjects() {
        bedrockCurExport();
        upload("exports/");

        try (ExportSources sources = new ExportSources(settings(Optional.empty()))) {
            assertThatThrownBy(() -> sources.resolve(List.of("s3://" + BUCKET + "/Exports"), progress::add))
                    .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                    .hasMessageContaining("no objects under s3://billing-exports/Exports")
                    .hasMessageContaining("case-sensitive");
        }
    }

    @Test
    void reportsAWrongSecretWithTheS3ErrorCode() {
        bedrockCurExport();
        upload("exports/");
        System.setProperty("aws.secretAccessKey", "not-the-secret");

        try (ExportSources sources = new ExportSources(settings(Optional.empty()))) {
            assertThatThrownBy(() -> sources.resolve(List.of("s3://" + BUCKET + "/exports"), progress::add))
                    .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_FAILURE))
                    .hasMessageContaining("S3 refused to list s3://billing-exports/exports/")
                    .hasMessageContaining("SignatureDoesNotMatch")
                    .hasMessageContaining("check the credentials");
        }
    }
}
