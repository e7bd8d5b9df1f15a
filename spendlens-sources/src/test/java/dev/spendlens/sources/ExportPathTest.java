package dev.spendlens.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.export.FileType;
import org.junit.jupiter.api.Test;

class ExportPathTest {
    @Test
    void readsExportAndPeriodOfACur2DataFile() {
        ExportPath path = ExportPath.of("cur2/bedrock-cur/data/BILLING_PERIOD=2026-09/bedrock-cur-00001.snappy.parquet");

        assertThat(path.dataFileType()).contains(FileType.PARQUET);
        assertThat(path.exportName()).isEqualTo("bedrock-cur");
        assertThat(path.billingPeriod()).contains("2026-09");
        assertThat(path.dataPartition()).hasValueSatisfying(partition -> {
            assertThat(partition.exportRoot()).isEqualTo("cur2/bedrock-cur");
            assertThat(partition.dataFolder()).isEqualTo("cur2/bedrock-cur/data/BILLING_PERIOD=2026-09");
        });
        assertThat(path.folder()).isEqualTo("cur2/bedrock-cur/data/BILLING_PERIOD=2026-09");
    }

    @Test
    void findsThePartitionAboveADeliveryFolderOfACreateNewExport() {
        ExportPath path = ExportPath.of("/srv/cur/bedrock-cur/data/BILLING_PERIOD=2026-09/20261003T050144Z-exec2/bedrock-cur-00001.csv.gz");

        assertThat(path.dataPartition()).hasValueSatisfying(partition ->
                assertThat(partition.dataFolder()).isEqualTo("/srv/cur/bedrock-cur/data/BILLING_PERIOD=2026-09"));
        assertThat(path.billingPeriod()).contains("2026-09");
    }

    @Test
    void recognisesOnlyDataExportsManifestsUnderMetadata() {
        ExportPath cur2 = ExportPath.of("bedrock-cur/metadata/BILLING_PERIOD=2026-09/bedrock-cur-Manifest.json");
        ExportPath legacy = ExportPath.of("hourly-cur/20251101-20251201/hourly-cur-Manifest.json");

        assertThat(cur2.manifestPartition()).hasValueSatisfying(partition -> {
            assertThat(partition.exportName()).isEqualTo("bedrock-cur");
            assertThat(partition.dataFolder()).isEqualTo("bedrock-cur/data/BILLING_PERIOD=2026-09");
        });
        assertThat(cur2.isDataFile()).isFalse();
        assertThat(legacy.manifestPartition()).isEmpty();
    }

    @Test
    void derivesThePeriodOfLegacyLayouts() {
        assertThat(ExportPath.of("r/hourly-cur/hourly-cur/year=2025/month=3/hourly-cur-00001.snappy.parquet").billingPeriod()).contains("2025-03");
        assertThat(ExportPath.of("r/hourly-cur/20251101-20251201/8f2c/hourly-cur-1.csv.gz").billingPeriod()).contains("2025-11");
        assertThat(ExportPath.of("r/hourly-cur/20251101-20251201/8f2c/hourly-cur-1.csv.gz").exportName()).isEqualTo("hourly-cur");
    }

    @Test
    void leavesThePeriodEmptyWhenThePathDoesNotSayIt() {
        assertThat(ExportPath.of("/home/ana/downloads/cur.csv").billingPeriod()).isEmpty();
        assertThat(ExportPath.of("x/data/BILLING_PERIOD=latest/x-00001.parquet").billingPeriod()).isEmpty();
        assertThat(ExportPath.of("x/year=2025/month=13/x-00001.parquet").billingPeriod()).isEmpty();
        // a file named like a partition is not a partition
        assertThat(ExportPath.of("x/year=2025").billingPeriod()).isEmpty();
    }

    @Test
    void namesAnExportWithoutLayoutAfterItsFileWithoutTheChunkNumber() {
        assertThat(ExportPath.of("/tmp/bedrock-cur-00003.snappy.parquet").exportName()).isEqualTo("bedrock-cur");
        assertThat(ExportPath.of("/tmp/hourly-cur-1.csv.gz").exportName()).isEqualTo("hourly-cur");
        assertThat(ExportPath.of("/tmp/2026.csv").exportName()).isEqualTo("2026");
    }

    @Test
    void treatsHiddenFilesAsNonData() {
        assertThat(ExportPath.of("x/._x-00001.parquet").isDataFile()).isFalse();
        assertThat(ExportPath.of("x/x-00001.parquet.part").isDataFile()).isFalse();
    }
}
