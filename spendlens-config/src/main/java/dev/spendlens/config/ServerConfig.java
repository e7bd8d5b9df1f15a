package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP API and dashboard (section {@code server}).
 *
 * @param port the TCP port, 0 for any free port ({@code server.port}, default 8080)
 * @param bind the address to listen on ({@code server.bind}, default {@code 127.0.0.1}: this machine only)
 * @param apiTokenSha256 the lower-case hex SHA-256 of the API token that callers must present
 *                       ({@code server.api-token-sha256}, default empty); required when {@code bind} is not a loopback address
 */
public record ServerConfig(int port, String bind, Optional<String> apiTokenSha256) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    static final int MAX_PORT = 65_535;

    public ServerConfig {
        requireNonNull(bind, "bind is null");
        requireNonNull(apiTokenSha256, "apiTokenSha256 is null");
        if (port < 0 || port > MAX_PORT) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "server.port %d must be from 0 to %d".formatted(port, MAX_PORT));
        }
        if (bind.isBlank()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "server.bind is empty: set an address such as 127.0.0.1");
        }
        apiTokenSha256 = apiTokenSha256.map(ServerConfig::checkTokenHash);
        // Cost data names people and teams: it is never served beyond this machine without a token.
        if (apiTokenSha256.isEmpty() && !isLoopback(bind)) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, ("server.bind %s is reachable from other machines, so server.api-token-sha256 "
                    + "is required: set it (or SPENDLENS_SERVER_API_TOKEN_SHA256) to the output of printf %%s \"$TOKEN\" | sha256sum, "
                    + "or bind to 127.0.0.1").formatted(bind));
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(8080, "127.0.0.1", Optional.empty());
    }

    /** True when {@link #bind()} only accepts connections from this machine. */
    public boolean loopback() {
        return isLoopback(bind);
    }

    static ServerConfig read(ConfigSection section) {
        ServerConfig defaults = defaults();
        int port = section.integer("port", defaults.port(), 0, MAX_PORT);
        String bind = section.text("bind", defaults.bind()).strip();
        Optional<String> token = section.optionalParsed("api-token-sha256", ServerConfig::checkTokenHash);
        return section.construct(() -> new ServerConfig(port, bind, token));
    }

    private static String checkTokenHash(String hash) {
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG,
                    "server.api-token-sha256 must be 64 hex digits, the SHA-256 of the token (printf %s \"$TOKEN\" | sha256sum), not the token itself");
        }
        return hash.toLowerCase(Locale.ROOT);
    }

    // Decided from the text alone: a host name other than localhost is never looked up, and never trusted as loopback.
    private static boolean isLoopback(String bind) {
        String host = bind.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(host).matches()) {
            return true;
        }
        if (host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
