package dev.spendlens.duckdb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.export.ExportFile;
import dev.spendlens.export.FileType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class BatchPlanTest {
    private static InspectedFile parquet(String name, String period, long rows) {
        return new InspectedFile(new ExportFile(Path.of(name), FileType.PARQUET, name, Optional.of(period)), CurFlavor.CUR2, new SourceColumns(Map.of()),
                OptionalLong.of(rows));
    }

    private static List<List<String>> names(List<List<InspectedFile>> batches) {
        return batches.stream().map(batch -> batch.stream().map(InspectedFile::name).toList()).toList();
    }

    @Test
    void mergesConsecutiveDeliveriesOfDistinctPeriodsWithinTheLineBudget() {
        List<List<InspectedFile>> deliveries = List.of(
                List.of(parquet("07", "2026-07", 1_000_000)),
                List.of(parquet("08a", "2026-08", 1_000_000), parquet("08b", "2026-08", 500_000)),
                List.of(parquet("09", "2026-09", 1_400_000)),
                List.of(parquet("10", "2026-10", 200_000)));

        assertThat(names(BatchPlan.batches(deliveries))).containsExactly(List.of("07", "08a", "08b", "09"), List.of("10"));
    }

    @Test
    void aRestatedPeriodStartsANewBatchSoTheLaterDeliveryWins() {
        List<List<InspectedFile>> deliveries = List.of(
                List.of(parquet("08", "2026-08", 10)),
                List.of(parquet("09-first", "2026-09", 10)),
                List.of(parquet("09-restated", "2026-09", 10)),
                List.of(parquet("10", "2026-10", 10)));

        assertThat(names(BatchPlan.batches(deliveries))).containsExactly(List.of("08", "09-first"), List.of("09-restated", "10"));
    }

    @Test
    void csvAndFilesWithoutABillingPeriodAreNeverMerged() {
        InspectedFile csv = new InspectedFile(new ExportFile(Path.of("c.csv"), FileType.CSV, "c.csv", Optional.of("2026-08")), CurFlavor.LEGACY_CSV,
                new SourceColumns(Map.of()), OptionalLong.empty());
        InspectedFile loose = new InspectedFile(new ExportFile(Path.of("x.parquet"), FileType.PARQUET, "x.parquet", Optional.empty()), CurFlavor.CUR2,
                new SourceColumns(Map.of()), OptionalLong.of(10));
        List<List<InspectedFile>> deliveries = List.of(List.of(parquet("07", "2026-07", 10)), List.of(csv), List.of(loose), List.of(parquet("09", "2026-09", 10)));

        assertThat(names(BatchPlan.batches(deliveries))).containsExactly(List.of("07"), List.of("c.csv"), List.of("x.parquet"), List.of("09"));
    }
}
