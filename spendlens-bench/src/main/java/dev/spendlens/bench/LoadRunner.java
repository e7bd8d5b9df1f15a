package dev.spendlens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one request again and again from concurrent clients, each waiting for its answer before the
 * next (closed loop), and times every answer. Bounded: a fixed number of requests, each with a timeout.
 */
final class LoadRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private LoadRunner() {}

    static Latencies run(HttpRequest request, int clients, int warmup, int requests) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < warmup; i++) {
            send(http, request);
        }
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuStarted = processCpuNanos();
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        send(http, request);
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a benchmark request failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Latencies.of(nanos, (System.nanoTime() - started) / 1e9, processCpuNanos() - cpuStarted);
    }

    /** CPU time of this process so far, every thread (DuckDB's native workers included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("%s %s answered %d: %s".formatted(request.method(), request.uri(), response.statusCode(), response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("%s %s failed: %s".formatted(request.method(), request.uri(), e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(TIMEOUT).GET().build();
    }

    static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
