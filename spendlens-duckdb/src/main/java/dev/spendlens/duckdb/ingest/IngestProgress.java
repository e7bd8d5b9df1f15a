package dev.spendlens.duckdb.ingest;

import java.time.Duration;
import java.util.List;

/** What a long ingest tells the person waiting for it. */
public interface IngestProgress {
    /**
     * Files were read (the first pass, which counts every line).
     *
     * @param filesDone files read so far, these included
     * @param origins the files just read
     */
    void filesRead(int filesDone, int fileCount, List<String> origins, long rows, long bedrockRows, Duration took);

    /** A billing period was replaced in the store. */
    void periodReplaced(PeriodSummary period);

    /** A step of the ingest finished; for those who want to see where the time goes. */
    default void stepDone(String step, Duration took) {}

    static IngestProgress silent() {
        return new IngestProgress() {
            @Override
            public void filesRead(int filesDone, int fileCount, List<String> origins, long rows, long bedrockRows, Duration took) {}

            @Override
            public void periodReplaced(PeriodSummary period) {}
        };
    }
}
