package dev.spendlens.jobs;

import static java.util.Objects.requireNonNull;

import dev.spendlens.duckdb.ingest.IngestSummary;

import java.util.List;
import java.util.Optional;

/**
 * What one ingest job did.
 *
 * @param sources what was read
 * @param fingerprint a digest of the deliveries found (their files, sizes and delivery times)
 * @param deliveries how many deliveries the sources held
 * @param ingested what the ingest wrote; empty when the sources held nothing new since the last ingest
 * @param afterIngest what followed; empty when nothing was ingested or the caller asked for no alerts
 */
public record IngestRun(List<String> sources, String fingerprint, int deliveries, Optional<IngestSummary> ingested, Optional<AfterIngestReport> afterIngest) {
    public IngestRun {
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(ingested, "ingested is null");
        requireNonNull(afterIngest, "afterIngest is null");
    }

    /** True when the sources held exactly the deliveries already ingested, so nothing was done. */
    public boolean unchanged() {
        return ingested.isEmpty();
    }

    public String summary() {
        if (ingested.isEmpty()) {
            return "%s: nothing new (%d delivery(ies), all ingested already)".formatted(String.join(" ", sources), deliveries);
        }
        IngestSummary summary = ingested.get();
        String written = "%d file(s), %d line items (%d Bedrock), %d billing period(s) in %.1f s".formatted(summary.files(), summary.rowsRead(), summary.bedrockRows(),
                summary.periods().size(), summary.took().toMillis() / 1000.0);
        return written + afterIngest.map(after -> "; " + after.summary()).orElse("");
    }
}
