package dev.spendlens.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.error.ErrorCode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code GET /healthz}: the process answers and the store can be read. */
final class HealthRoutes implements ApiRoutes {
    private final ServerContext server;

    HealthRoutes(ServerContext server) {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", this::health);
    }

    private void health(Context context) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        try (Connection connection = server.store().connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM billing_periods")) {
            rows.next();
            body.put("status", "ok");
            body.put("billingPeriods", rows.getLong(1));
        } catch (SQLException e) {
            ApiErrors.respond(context, ErrorCode.STORE_UNAVAILABLE, "the store cannot be read: " + e.getMessage().split("\n")[0]);
            return;
        }
        Json.write(context, body);
    }
}
