package dev.spendlens.duckdb.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * What an ingest did.
 *
 * @param ingestionId the id recorded in the store's ingestions table
 * @param files export files read
 * @param rowsRead all line items read, Bedrock or not
 * @param bedrockRows the Bedrock line items among them
 * @param periods the billing periods written, in order
 * @param took wall time
 */
public record IngestSummary(long ingestionId, int files, long rowsRead, long bedrockRows, List<PeriodSummary> periods, Duration took) {
    public IngestSummary {
        periods = List.copyOf(requireNonNull(periods, "periods is null"));
        requireNonNull(took, "took is null");
    }

    public double rowsPerSecond() {
        double seconds = Math.max(took.toNanos() / 1e9, 1e-9);
        return rowsRead / seconds;
    }
}
