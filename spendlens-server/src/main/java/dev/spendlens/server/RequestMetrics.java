package dev.spendlens.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of requests by route and status, and a latency histogram by route, for {@code /metrics}.
 * Routes are the registered path templates, so the label set stays small whatever clients send.
 */
final class RequestMetrics {
    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    record RequestKey(String method, String route, int status) {}

    /** One route's latency histogram: cumulative bucket counts, plus count and sum. */
    static final class Latency {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder sumNanos = new LongAdder();

        Latency() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }
    }

    private final Map<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Latency> latencies = new ConcurrentHashMap<>();
    private final long startedNanos = System.nanoTime();

    void record(String method, String route, int status, long nanos) {
        requests.computeIfAbsent(new RequestKey(method, route, status), key -> new LongAdder()).increment();
        latencies.computeIfAbsent(route, key -> new Latency()).record(nanos);
    }

    Map<RequestKey, LongAdder> requests() {
        return Map.copyOf(requests);
    }

    Map<String, Latency> latencies() {
        return Map.copyOf(latencies);
    }

    double uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static List<Double> bucketBounds() {
        return java.util.Arrays.stream(BUCKETS).boxed().toList();
    }
}
