package dev.spendlens.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of every endpoint. It is written by hand
 * next to the handlers; a test checks that the two list the same routes and that its examples pass.
 */
final class OpenApiRoutes implements ApiRoutes {
    static final String RESOURCE = "dev/spendlens/server/openapi.json";

    private final byte[] document;

    OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", this::document);
    }

    private void document(Context context) {
        context.contentType("application/json").result(document);
    }
}
