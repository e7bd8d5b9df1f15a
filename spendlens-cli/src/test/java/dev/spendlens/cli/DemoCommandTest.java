package dev.spendlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./spendlens demo}: the printed URL opens a working dashboard; {@code --no-serve} returns. */
class DemoCommandTest {
    private static final Pattern DASHBOARD = Pattern.compile("Dashboard: (http://127\\.0\\.0\\.1:\\d+/)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Output a running command writes to, readable while it runs. */
    private static final class Capture extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void endsByServingTheDashboardAtThePrintedUrl(@TempDir Path folder) throws Exception {
        Capture out = new Capture();
        AtomicInteger exit = new AtomicInteger(-1);
        String[] args = {"demo", "--months", "1", "--port", "0", "--db", folder.resolve("store.duckdb").toString(), "--out", folder.resolve("export").toString()};
        Thread demo = new Thread(() -> exit.set(SpendlensCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())), "demo");
        demo.start();
        try {
            String url = waitForUrl(out, demo);

            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> store = HTTP.send(HttpRequest.newBuilder(URI.create(url + "api/v1/store")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(URI.create(url + "assets/echarts.min.js")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Spendlens</title>");
            assertThat(store.statusCode()).isEqualTo(200);
            assertThat(store.body()).contains("\"BillingPeriod\":\"2026-10\"").contains("\"LastDay\":\"2026-10-31\"");
            assertThat(script.statusCode()).isEqualTo(200);
        } finally {
            demo.interrupt();
            demo.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(demo.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    @Test
    void noServeStopsAfterTheReport(@TempDir Path folder) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SpendlensCli.run(new String[] {"demo", "--no-serve", "--months", "1", "--db", folder.resolve("store.duckdb").toString(), "--out",
                folder.resolve("export").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Bedrock spend by team and month").doesNotContain("Dashboard:");
    }

    private static String waitForUrl(Capture out, Thread demo) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = DASHBOARD.matcher(out.text());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!demo.isAlive()) {
                throw new AssertionError("demo ended without serving:\n" + out.text());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no dashboard URL within 3 minutes:\n" + out.text());
    }
}
