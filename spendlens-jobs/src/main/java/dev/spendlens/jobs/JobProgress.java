package dev.spendlens.jobs;

import dev.spendlens.duckdb.ingest.IngestProgress;
import dev.spendlens.duckdb.ingest.PeriodSummary;

import java.time.Duration;
import java.util.List;

/** What a job tells while it runs: the ingest's steps, and lines about sources, downloads and detection. */
public interface JobProgress extends IngestProgress {
    /** A line about what is happening: a source listed, a download, a monitor run. */
    void note(String line);

    /** Says nothing. */
    static JobProgress silent() {
        return new JobProgress() {
            @Override
            public void note(String line) {}

            @Override
            public void stepDone(String step, Duration took) {}

            @Override
            public void filesRead(int filesDone, int fileCount, List<String> origins, long rows, long bedrockRows, Duration took) {}

            @Override
            public void periodReplaced(PeriodSummary period) {}
        };
    }
}
