package dev.spendlens.bench;

import java.util.Arrays;

/**
 * Percentiles of measured latencies, nearest-rank.
 *
 * @param count measurements
 * @param p50Millis median
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis slowest
 * @param throughput completed requests per second of wall-clock time (0 when not measured under load)
 * @param cpuMillisPerRequest CPU time the whole process (server, DuckDB and client threads) spent per request, which the
 *     machine's other work does not inflate as it does wall-clock time (0 when not measured)
 */
public record Latencies(int count, double p50Millis, double p95Millis, double p99Millis, double maxMillis, double throughput, double cpuMillisPerRequest) {
    public static Latencies of(long[] nanos, double wallSeconds) {
        return of(nanos, wallSeconds, 0);
    }

    public static Latencies of(long[] nanos, double wallSeconds, long cpuNanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latency was measured");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(rank(sorted, 50)), millis(rank(sorted, 95)), millis(rank(sorted, 99)), millis(sorted[sorted.length - 1]),
                wallSeconds > 0 ? sorted.length / wallSeconds : 0, millis(cpuNanos) / sorted.length);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
