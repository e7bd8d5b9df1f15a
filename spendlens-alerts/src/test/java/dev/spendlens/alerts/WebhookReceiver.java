package dev.spendlens.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A real HTTP server on an ephemeral loopback port that records every webhook body; answers 200 unless told otherwise. */
public final class WebhookReceiver implements AutoCloseable {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> bodies = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            synchronized (this) {
                status = statuses.isEmpty() ? 200 : statuses.poll();
                if (status == 200) {
                    bodies.add(JSON.readTree(body));
                    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                }
            }
            byte[] answer = (status == 200 ? "ok" : "server is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:%d/hook/T000/B000/secret".formatted(server.getAddress().getPort()));
    }

    /** The next requests get these statuses, in order; later ones 200. */
    public synchronized void failNext(int... codes) {
        for (int code : codes) {
            statuses.add(code);
        }
    }

    public synchronized List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
