package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where the server listens and who may call it.
 *
 * @param bind the address to bind; loopback (127.0.0.1) by default
 * @param port the port, 0 for any free one
 * @param apiTokenSha256 hex SHA-256 of the API token; required when binding anything but loopback
 */
public record ServerSettings(String bind, int port, Optional<String> apiTokenSha256) {
    public ServerSettings {
        requireNonNull(bind, "bind is null");
        requireNonNull(apiTokenSha256, "apiTokenSha256 is null");
    }

    public static ServerSettings loopback(int port) {
        return new ServerSettings("127.0.0.1", port, Optional.empty());
    }

    public boolean loopbackOnly() {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
    }
}
