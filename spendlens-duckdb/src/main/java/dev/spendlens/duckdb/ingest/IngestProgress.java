package dev.spendlens.duckdb.ingest;

import java.time.Duration;

/** What a long ingest tells the person waiting for it. */
public interface IngestProgress {
    /** One file was read and staged. */
    void fileStaged(int fileNumber, int fileCount, String origin, long rows, long bedrockRows, Duration took);

    /** A billing period was replaced in the store. */
    void periodReplaced(PeriodSummary period);

    /** A step of the ingest finished; for those who want to see where the time goes. */
    default void stepDone(String step, Duration took) {}

    static IngestProgress silent() {
        return new IngestProgress() {
            @Override
            public void fileStaged(int fileNumber, int fileCount, String origin, long rows, long bedrockRows, Duration took) {}

            @Override
            public void periodReplaced(PeriodSummary period) {}
        };
    }
}
