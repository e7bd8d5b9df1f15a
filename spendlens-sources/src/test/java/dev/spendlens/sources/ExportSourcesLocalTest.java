package dev.spendlens.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSourcesLocalTest {
    private static final Instant SEPT_2 = Instant.parse("2026-09-02T06:14:09Z");
    private static final Instant OCT_3 = Instant.parse("2026-10-03T05:01:44Z");
    private static final Instant OCT_9 = Instant.parse("2026-10-09T04:58:30Z");

    @TempDir
    Path folder;

    private ExportTree tree;
    private ExportSources sources;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        tree = new ExportTree(folder);
        sources = new ExportSources(SourceSettings.defaults());
    }

    @AfterEach
    void tearDown() {
        sources.close();
    }

    private List<Delivery> resolve(String... sourceArguments) {
        return sources.resolve(List.of(sourceArguments), progress::add);
    }

    private String path(String relative) {
        return folder.resolve(relative).toString();
    }

    private static List<String> fileNames(Delivery delivery) {
        return delivery.files().stream().map(file -> file.path().getFileName().toString()).toList();
    }

    @Test
    void groupsCur2ExportIntoOneDeliveryPerManifestWithAllItsChunks() {
        // export bedrock-cur: 2026-09 in one chunk, 2026-10 in two chunks, each period with its manifest
        tree.file("exports/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");
        tree.manifest("exports/bedrock-cur", "BILLING_PERIOD=2026-09", SEPT_2, "BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");
        tree.file("exports/bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet");
        tree.file("exports/bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet");
        tree.manifest("exports/bedrock-cur", "BILLING_PERIOD=2026-10", OCT_3,
                "BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet", "BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet");

        List<Delivery> deliveries = resolve(path("exports"));

        assertThat(deliveries).extracting(Delivery::exportName, Delivery::billingPeriod, Delivery::deliveredAt).containsExactly(
                tuple("bedrock-cur", Optional.of("2026-09"), SEPT_2),
                tuple("bedrock-cur", Optional.of("2026-10"), OCT_3));
        Delivery october = deliveries.get(1);
        assertThat(fileNames(october)).containsExactly("bedrock-cur-00001.snappy.parquet", "bedrock-cur-00002.snappy.parquet");
        assertThat(october.files()).allSatisfy(file -> {
            assertThat(file.type()).isEqualTo(FileType.PARQUET);
            assertThat(file.billingPeriod()).contains("2026-10");
            assertThat(file.origin()).isEqualTo(file.path().toString());
        });
        assertThat(october.manifest()).contains(path("exports/bedrock-cur/metadata/BILLING_PERIOD=2026-10/bedrock-cur-Manifest.json"));
        assertThat(october.origin()).isEqualTo(path("exports/bedrock-cur/data/BILLING_PERIOD=2026-10"));
        assertThat(october.ignoredFiles()).isEmpty();
    }

    @Test
    void loadsOnlyTheFilesTheManifestListsAndReportsTheStaleOnes() {
        // a restatement shrank 2026-10 to one chunk; chunk 00002 of the earlier delivery was left behind
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.csv.gz");
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.csv.gz");
        tree.manifest("bedrock-cur", "BILLING_PERIOD=2026-10", OCT_9, "BILLING_PERIOD=2026-10/bedrock-cur-00001.csv.gz");

        List<Delivery> deliveries = resolve(folder.toString());

        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(fileNames(delivery)).containsExactly("bedrock-cur-00001.csv.gz");
            assertThat(delivery.files()).extracting(ExportFile::type).containsExactly(FileType.CSV_GZIP);
            assertThat(delivery.ignoredFiles()).containsExactly(path("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.csv.gz"));
        });
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("ignoring 1 data file(s)", "bedrock-cur-00002.csv.gz"));
    }

    @Test
    void groupsPartitionsByFolderWhenThereIsNoManifest() {
        tree.modifiedAt(tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet"), OCT_3);
        tree.modifiedAt(tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet"), OCT_9);
        tree.modifiedAt(tree.file("bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet"), SEPT_2);

        List<Delivery> deliveries = resolve(folder.toString());

        assertThat(deliveries).extracting(Delivery::billingPeriod).containsExactly(Optional.of("2026-09"), Optional.of("2026-10"));
        Delivery october = deliveries.get(1);
        assertThat(october.exportName()).isEqualTo("bedrock-cur");
        assertThat(october.files()).hasSize(2);
        assertThat(october.deliveredAt()).isEqualTo(OCT_9);
        assertThat(october.manifest()).isEmpty();
    }

    @Test
    void ordersTwoDeliveriesOfOnePeriodNewestLastByTheirManifests() {
        // the folder names sort the other way round: only deliveryTimestamp may decide
        tree.file("a-restated/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");
        tree.manifest("a-restated/bedrock-cur", "BILLING_PERIOD=2026-09", OCT_3, "BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");
        tree.file("b-first/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");
        tree.manifest("b-first/bedrock-cur", "BILLING_PERIOD=2026-09", SEPT_2, "BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");

        List<Delivery> deliveries = resolve(folder.toString());

        assertThat(deliveries).extracting(Delivery::origin).containsExactly(
                path("b-first/bedrock-cur/data/BILLING_PERIOD=2026-09"),
                path("a-restated/bedrock-cur/data/BILLING_PERIOD=2026-09"));
        assertThat(deliveries).extracting(Delivery::deliveredAt).containsExactly(SEPT_2, OCT_3);
    }

    @Test
    void ordersTwoDeliveriesOfOnePeriodNewestLastByModificationTimeWithoutManifests() {
        tree.modifiedAt(tree.file("bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet"), OCT_3);
        tree.modifiedAt(tree.file("earlier-delivery/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet"), SEPT_2);

        List<Delivery> deliveries = resolve(folder.toString());

        assertThat(deliveries).extracting(Delivery::origin).containsExactly(
                path("earlier-delivery/bedrock-cur/data/BILLING_PERIOD=2026-09"),
                path("bedrock-cur/data/BILLING_PERIOD=2026-09"));
    }

    @Test
    void takesEachDeliveryFolderOfACreateNewExportWithItsOwnManifest() {
        // "create new export file" mode: every refresh gets its own folder under the partition
        String first = "BILLING_PERIOD=2026-09/20260902T061409Z-exec1";
        String second = "BILLING_PERIOD=2026-09/20261003T050144Z-exec2";
        tree.file("bedrock-cur/data/" + first + "/bedrock-cur-00001.snappy.parquet");
        tree.file("bedrock-cur/data/" + second + "/bedrock-cur-00001.snappy.parquet");
        tree.file("bedrock-cur/data/" + second + "/bedrock-cur-00002.snappy.parquet");
        tree.manifest("bedrock-cur", first, SEPT_2, first + "/bedrock-cur-00001.snappy.parquet");
        tree.manifest("bedrock-cur", second, OCT_3, second + "/bedrock-cur-00001.snappy.parquet", second + "/bedrock-cur-00002.snappy.parquet");

        List<Delivery> deliveries = resolve(folder.toString());

        assertThat(deliveries).extracting(Delivery::deliveredAt).containsExactly(SEPT_2, OCT_3);
        assertThat(deliveries).extracting(delivery -> delivery.files().size()).containsExactly(1, 2);
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery.billingPeriod()).contains("2026-09");
            assertThat(delivery.ignoredFiles()).isEmpty();
        });
    }

    @Test
    void readsLegacyReportsByDateRangeFolderWithEachAssemblyAsOneDelivery() {
        // legacy CUR keeping report versions: <report>/<range>/<assemblyId>/<report>-<n>.csv.gz
        tree.modifiedAt(tree.file("legacy/hourly-cur/20251101-20251201/8f2c-new/hourly-cur-1.csv.gz"), OCT_9);
        tree.modifiedAt(tree.file("legacy/hourly-cur/20251101-20251201/8f2c-new/hourly-cur-2.csv.gz"), OCT_9);
        tree.modifiedAt(tree.file("legacy/hourly-cur/20251101-20251201/1a9e-old/hourly-cur-1.csv.gz"), OCT_3);
        tree.file("legacy/hourly-cur/20251101-20251201/hourly-cur-Manifest.json", "{\"assemblyId\": \"8f2c-new\", \"reportKeys\": []}");

        List<Delivery> deliveries = resolve(path("legacy"));

        assertThat(deliveries).extracting(Delivery::exportName, Delivery::billingPeriod, delivery -> delivery.files().size()).containsExactly(
                tuple("hourly-cur", Optional.of("2025-11"), 1),
                tuple("hourly-cur", Optional.of("2025-11"), 2));
        assertThat(deliveries.get(1).origin()).endsWith("8f2c-new");
    }

    @Test
    void derivesTheBillingPeriodOfAthenaStyleLegacyPartitions() {
        tree.file("athena/hourly-cur/hourly-cur/year=2025/month=3/hourly-cur-00001.snappy.parquet");
        tree.file("athena/hourly-cur/hourly-cur/year=2025/month=11/hourly-cur-00001.snappy.parquet");

        List<Delivery> deliveries = resolve(path("athena"));

        assertThat(deliveries).extracting(Delivery::exportName).containsOnly("hourly-cur");
        assertThat(deliveries).extracting(Delivery::billingPeriod).containsExactly(Optional.of("2025-03"), Optional.of("2025-11"));
        assertThat(deliveries.get(0).files()).extracting(ExportFile::billingPeriod).containsExactly(Optional.of("2025-03"));
    }

    @Test
    void takesASingleFileSourceAsItIsEvenWhenItsManifestDoesNotListIt() {
        Path chunk = tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet");
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet");
        tree.manifest("bedrock-cur", "BILLING_PERIOD=2026-10", OCT_9, "BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet");
        tree.modifiedAt(chunk, OCT_3);

        List<Delivery> deliveries = resolve(chunk.toString());

        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.files()).extracting(ExportFile::path).containsExactly(chunk);
            assertThat(delivery.billingPeriod()).contains("2026-10");
            assertThat(delivery.exportName()).isEqualTo("bedrock-cur");
            assertThat(delivery.deliveredAt()).isEqualTo(OCT_3);
            assertThat(delivery.manifest()).isEmpty();
        });
    }

    @Test
    void namesASingleFileWithoutLayoutAfterTheFileAndLeavesItsPeriodToItsRows() {
        Path file = tree.file("downloads/my-report-00001.csv");

        assertThat(resolve(file.toString())).singleElement().satisfies(delivery -> {
            assertThat(delivery.exportName()).isEqualTo("my-report");
            assertThat(delivery.billingPeriod()).isEmpty();
            assertThat(delivery.files()).extracting(ExportFile::type).containsExactly(FileType.CSV);
        });
    }

    @Test
    void ignoresFilesThatAreNotDataFiles() {
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet");
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/.bedrock-cur-00001.snappy.parquet.crc");
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/._bedrock-cur-00001.snappy.parquet");
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/_SUCCESS");
        tree.file("bedrock-cur/README.txt");
        tree.file("bedrock-cur/crawler-cfn.yml");
        tree.file(".DS_Store");

        assertThat(resolve(folder.toString())).singleElement()
                .satisfies(delivery -> assertThat(fileNames(delivery)).containsExactly("bedrock-cur-00001.snappy.parquet"));
    }

    @Test
    void combinesSeveralSourcesInLoadOrderAndLoadsAnOverlappingDeliveryOnce() {
        tree.modifiedAt(tree.file("second/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet"), SEPT_2);
        tree.modifiedAt(tree.file("first/bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet"), OCT_3);

        List<Delivery> deliveries = resolve(path("first"), path("second"), path("second/bedrock-cur"));

        assertThat(deliveries).extracting(Delivery::billingPeriod).containsExactly(Optional.of("2026-09"), Optional.of("2026-10"));
    }

    @Test
    void reportsAMissingLocalSource() {
        String missing = path("no-such-folder");

        assertThatThrownBy(() -> resolve(missing))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining(missing)
                .hasMessageContaining("pass an existing folder");
    }

    @Test
    void reportsAFolderWithoutDataFiles() {
        tree.file("notes/README.md");
        tree.file("notes/costs.xlsx");

        assertThatThrownBy(() -> resolve(path("notes")))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining("found no data files")
                .hasMessageContaining(path("notes"))
                .hasMessageContaining("2 file(s)");
    }

    @Test
    void reportsAManifestThatListsAFileWhichIsNotThere() {
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet");
        tree.manifest("bedrock-cur", "BILLING_PERIOD=2026-10", OCT_9,
                "BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet", "BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet");

        assertThatThrownBy(() -> resolve(folder.toString()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining(path("bedrock-cur/metadata/BILLING_PERIOD=2026-10/bedrock-cur-Manifest.json"))
                .hasMessageContaining(path("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00002.snappy.parquet"))
                .hasMessageContaining("copy the export's data/ folder along with its metadata/ folder");
    }

    @Test
    void reportsAMalformedManifestByFileAndField() {
        tree.file("bedrock-cur/data/BILLING_PERIOD=2026-10/bedrock-cur-00001.snappy.parquet");
        Path manifest = tree.file("bedrock-cur/metadata/BILLING_PERIOD=2026-10/bedrock-cur-Manifest.json",
                "{\"exportName\": \"bedrock-cur\", \"deliveryTimestamp\": \"yesterday\", \"dataFiles\": []}");

        assertThatThrownBy(() -> resolve(folder.toString()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CUR_UNREADABLE_FILE))
                .hasMessageContaining(manifest.toString())
                .hasMessageContaining("'deliveryTimestamp'")
                .hasMessageContaining("yesterday");
    }

    @Test
    void rejectsNoSourcesAndUnsupportedSchemes() {
        assertThatThrownBy(() -> sources.resolve(List.of(), progress::add))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> resolve("https://example.com/cur.csv.gz"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("s3://bucket/prefix");
        assertThatThrownBy(() -> resolve(" "))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
