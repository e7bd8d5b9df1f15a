package dev.spendlens.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One server over one generated store for the API, OpenAPI and browser tests of a test run:
 * generating and ingesting takes seconds, so the classes share it. Tests only read through it.
 */
final class SharedServer {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SharedServer instance;

    final Path folder;
    final GeneratedStore data;
    final SpendlensServer server;

    private SharedServer() {
        try {
            folder = Files.createTempDirectory("spendlens-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data = new GeneratedStore(folder, 2);
        server = SpendlensServer.start(ServerSettings.loopback(0), data.context());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    static synchronized SharedServer get() {
        if (instance == null) {
            instance = new SharedServer();
        }
        return instance;
    }

    String url(String path) {
        return server.url() + (path.startsWith("/") ? path.substring(1) : path);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Sends a JSON request (an empty body sends none) to any running server: tests with a store of their own use it too. */
    static HttpResponse<String> send(SpendlensServer server, String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).header("Content-Type", "application/json").method(method, publisher).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a path segment, keeping '/' (tag keys and ARNs travel with their slashes). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void close() {
        server.close();
        data.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
