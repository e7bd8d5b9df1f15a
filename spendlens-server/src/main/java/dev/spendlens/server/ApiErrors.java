package dev.spendlens.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as JSON, {@code {"error": {"code": "INVALID_FILTER", "message": "Filter.And[1]..."}}},
 * with a status that says whose fault it was.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void register(RoutesConfig routes) {
        routes.exception(SpendlensException.class, (exception, context) -> respond(context, exception.code(), exception.getMessage()));
        routes.exception(Exception.class, (exception, context) -> {
            LOG.error("unexpected failure on {} {}", context.method(), context.path(), exception);
            respond(context, ErrorCode.INTERNAL_ERROR, "unexpected failure (%s); this is a Spendlens bug, the server log has the details".formatted(exception.getClass().getSimpleName()));
        });
        // A handler that answered 404 itself keeps its body; an unknown API path gets a JSON one.
        routes.error(404, "*", context -> {
            // The response's content type: Context.contentType() would read the request's.
            String written = context.res().getContentType();
            boolean answered = written != null && written.startsWith("application/json");
            if (context.path().startsWith("/api/") && !answered) {
                respond(context, ErrorCode.NOT_FOUND, "no such endpoint: %s %s (see /openapi.json)".formatted(context.method(), context.path()));
            }
        });
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND, SOURCE_NOT_FOUND -> 404;
            case UNAUTHORIZED -> 401;
            case CONFLICT -> 409;
            case INVALID_ARGUMENT, INVALID_CONFIG, INVALID_FILTER, UNKNOWN_DIMENSION, CUR_UNREADABLE_FILE, CUR_MISSING_COLUMN, CUR_BAD_VALUE,
                    CUR_CURRENCY_MIX, MALFORMED_PRINCIPAL_ARN, INVALID_RULES, STORE_CURRENCY_MISMATCH -> 400;
            case EXTERNAL_FAILURE, STORE_UNAVAILABLE -> 503;
            case INTERNAL_ERROR -> 500;
        };
    }

    static void respond(Context context, ErrorCode code, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code.name());
        error.put("message", message);
        context.status(status(code));
        Json.write(context, body);
    }
}
