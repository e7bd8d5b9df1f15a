package dev.spendlens.duckdb.ingest;

import dev.spendlens.export.FileType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Groups consecutive deliveries into the batches the ingester reads in one go. Reading several
 * files per query lets DuckDB use every core across them and saves the fixed cost of each batch;
 * the line budget keeps memory bounded whatever the export's size.
 *
 * <p>Deliveries are merged only when that cannot change the result: Parquet files whose line
 * counts are known, each naming its billing period, no period twice in a batch. Anything else
 * (CSV, files outside a {@code BILLING_PERIOD=} partition, a restated period) gets a batch of its own,
 * in delivery order, so a later delivery of a period still replaces an earlier one.
 */
final class BatchPlan {
    static final long MAX_LINES_PER_BATCH = 4_000_000;

    private BatchPlan() {}

    static List<List<InspectedFile>> batches(List<List<InspectedFile>> deliveries) {
        List<List<InspectedFile>> batches = new ArrayList<>();
        List<InspectedFile> current = new ArrayList<>();
        Set<String> periods = new HashSet<>();
        long lines = 0;
        for (List<InspectedFile> delivery : deliveries) {
            Optional<Set<String>> deliveryPeriods = mergeablePeriods(delivery);
            long deliveryLines = delivery.stream().mapToLong(file -> file.rows().orElse(0)).sum();
            boolean fits = deliveryPeriods.isPresent() && !current.isEmpty() && mergeable(current)
                    && deliveryPeriods.get().stream().noneMatch(periods::contains) && lines + deliveryLines <= MAX_LINES_PER_BATCH;
            if (!fits && !current.isEmpty()) {
                batches.add(current);
                current = new ArrayList<>();
                periods.clear();
                lines = 0;
            }
            current.addAll(delivery);
            deliveryPeriods.ifPresent(periods::addAll);
            lines += deliveryLines;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private static boolean mergeable(List<InspectedFile> files) {
        return mergeablePeriods(files).isPresent();
    }

    private static Optional<Set<String>> mergeablePeriods(List<InspectedFile> files) {
        Set<String> periods = new HashSet<>();
        for (InspectedFile file : files) {
            if (file.file().type() != FileType.PARQUET || file.rows().isEmpty() || file.file().billingPeriod().isEmpty()) {
                return Optional.empty();
            }
            periods.add(file.file().billingPeriod().get());
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(periods);
    }
}
