package dev.spendlens.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import io.javalin.http.Context;

import java.io.IOException;

/** JSON in and out of handlers, with ISO dates and exact decimals. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    /** The request body as JSON, or a 400 saying it is not JSON. */
    public static JsonNode body(Context context) {
        String body = context.body();
        if (body.isBlank()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the request body is empty; send a JSON object");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "the request body is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
    }

    public static void write(Context context, Object value) {
        try {
            context.contentType("application/json").result(MAPPER.writeValueAsString(value));
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "writing JSON failed: " + e.getMessage(), e);
        }
    }
}
