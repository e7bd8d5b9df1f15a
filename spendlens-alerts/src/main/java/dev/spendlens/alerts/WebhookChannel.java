package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs notifications as JSON to a URL; any 2xx answer is a delivery. Slack incoming webhooks,
 * Microsoft Teams workflows, PagerDuty-style relays and plain HTTP services all fit.
 */
public final class WebhookChannel implements Channel {
    private final String name;
    private final URI url;
    private final WebhookFormat format;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param name the channel's name
     * @param url where to POST
     * @param format which JSON
     * @param headers extra request headers (an {@code Authorization}), never logged
     * @param timeout connect and response timeout
     */
    public WebhookChannel(String name, URI url, WebhookFormat format, Map<String, String> headers, Duration timeout) {
        this.name = requireNonNull(name, "name is null");
        this.url = requireNonNull(url, "url is null");
        this.format = requireNonNull(format, "format is null");
        this.headers = Map.copyOf(requireNonNull(headers, "headers is null"));
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Notification notification) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WebhookPayload.render(format, notification), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "webhook %s (%s) unreachable: %s".formatted(name, redacted(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "webhook %s interrupted".formatted(name), e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "webhook %s (%s) answered HTTP %d%s".formatted(name, redacted(), response.statusCode(),
                    body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
    }

    // Webhook URLs carry their secret in the path (Slack's do): show only where they point.
    private String redacted() {
        return url.getScheme() + "://" + url.getAuthority() + "/…";
    }
}
