package dev.spendlens.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document matches the server: the same routes, and its examples, sent to the running
 * server, get answers that validate against its schemas (as do its own response examples).
 */
class OpenApiDocumentTest {
    static SharedServer shared;
    static JsonNode document;
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @BeforeAll
    static void load() throws Exception {
        shared = SharedServer.get();
        HttpResponse<String> response = shared.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        document = Json.MAPPER.readTree(response.body());
    }

    static List<String> documentedRoutes() {
        List<String> routes = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> routes.add(method.toUpperCase() + " " + path.getKey())));
        return routes;
    }

    /** A JSON Schema of one OpenAPI schema, with the document's components as its $defs. */
    static Schema schema(JsonNode openApiSchema) throws Exception {
        return schema(document, openApiSchema);
    }

    /** A JSON Schema of one OpenAPI schema of a document, with the document's components as its $defs. */
    static Schema schema(JsonNode document, JsonNode openApiSchema) throws Exception {
        String components = document.at("/components/schemas").toString().replace("#/components/schemas/", "#/$defs/");
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(openApiSchema.toString().replace("#/components/schemas/", "#/$defs/"));
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", Json.MAPPER.readTree(components));
        return SCHEMAS.getSchema(root.toString());
    }

    @Test
    void documentsEveryRegisteredRouteAndNoOther() {
        assertThat(new TreeSet<>(documentedRoutes())).containsExactlyElementsOf(new TreeSet<>(shared.server.endpoints()));
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void examplesSentToTheServerGetAnswersThatValidate() throws Exception {
        int checked = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode ok = operation.getValue().at("/responses/200/content/application~1json");
                if (ok.isMissingNode() || !ok.get("schema").has("$ref")) {
                    continue;
                }
                Schema schema = schema(ok.get("schema"));
                if (ok.has("example")) {
                    assertThat(schema.validate(ok.get("example"))).as("documented example of %s %s", operation.getKey(), path.getKey()).isEmpty();
                }
                HttpResponse<String> response = send(operation.getKey(), path.getKey(), operation.getValue());
                assertThat(response.statusCode()).as("%s %s: %s", operation.getKey(), path.getKey(), response.body()).isEqualTo(200);
                List<Error> errors = schema.validate(Json.MAPPER.readTree(response.body()));
                assertThat(errors).as("answer of %s %s", operation.getKey(), path.getKey()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(7);
    }

    @Test
    void errorsFollowTheDocumentedErrorSchema() throws Exception {
        Schema error = schema(document.at("/paths/~1api~1v1~1tags/get/responses/400/content/application~1json/schema"));
        assertThat(error.validate(document.at("/paths/~1api~1v1~1tags/get/responses/400/content/application~1json/example"))).isEmpty();

        HttpResponse<String> response = shared.get("/api/v1/tags?from=2026-10-01");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.validate(Json.MAPPER.readTree(response.body()))).isEmpty();
    }

    @Test
    void costAndUsageRequestExampleValidatesAgainstItsSchema() throws Exception {
        JsonNode body = document.at("/paths/~1api~1v1~1cost-and-usage/post/requestBody/content/application~1json");
        assertThat(schema(body.get("schema")).validate(body.get("example"))).isEmpty();
        // The validator does reject: a body without TimePeriod and with an empty Metrics list fails.
        assertThat(schema(body.get("schema")).validate(Json.MAPPER.readTree("{\"Metrics\": []}"))).hasSizeGreaterThanOrEqualTo(2);
    }

    /** The operation's request built from its documented examples: path and query parameters, and body. */
    private static HttpResponse<String> send(String method, String path, JsonNode operation) {
        String target = path;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.has("example")) {
                continue;
            }
            String value = parameter.get("example").asText();
            if (parameter.get("in").asText().equals("path")) {
                target = target.replace("{" + parameter.get("name").asText() + "}", SharedServer.segment(value));
            } else {
                query.add(parameter.get("name").asText() + "=" + SharedServer.query(value));
            }
        }
        String url = target + (query.isEmpty() ? "" : "?" + String.join("&", query));
        if (method.equals("post")) {
            return shared.post(url, operation.at("/requestBody/content/application~1json/example").toString());
        }
        return shared.get(url);
    }
}
