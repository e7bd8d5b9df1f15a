package dev.spendlens.sources;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a CUR 2.0 (Data Exports) {@code <export>-Manifest.json} that say which files make a delivery.
 * Other fields ({@code columns}, {@code queryStatement}, ...) are not needed here and not read.
 *
 * @param dataFiles {@code s3://} URIs of the delivery's data files, as AWS wrote them
 */
record Manifest(String exportName, Optional<String> executionId, Instant deliveredAt, List<String> dataFiles) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Manifest {
        requireNonNull(exportName, "exportName is null");
        requireNonNull(executionId, "executionId is null");
        requireNonNull(deliveredAt, "deliveredAt is null");
        dataFiles = List.copyOf(dataFiles);
    }

    /** Reads a manifest; {@code origin} names it in errors. */
    static Manifest parse(byte[] content, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw malformed(origin, "it is not valid JSON (%s)".formatted(e.getOriginalMessage()));
        } catch (IOException e) {
            throw malformed(origin, "it could not be read (%s)".formatted(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw malformed(origin, "it is not a JSON object");
        }
        String exportName = requiredText(root, "exportName", origin);
        String timestamp = requiredText(root, "deliveryTimestamp", origin);
        Instant deliveredAt;
        try {
            deliveredAt = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw malformed(origin, "field 'deliveryTimestamp' is '%s', not an ISO instant such as 2026-10-02T06:14:09Z".formatted(timestamp));
        }
        JsonNode files = root.get("dataFiles");
        if (files == null || !files.isArray()) {
            throw malformed(origin, "field 'dataFiles' is missing or not a list");
        }
        List<String> dataFiles = new ArrayList<>();
        for (JsonNode file : files) {
            if (!file.isTextual() || file.asText().isBlank()) {
                throw malformed(origin, "field 'dataFiles' holds %s, not an s3:// URI".formatted(file));
            }
            dataFiles.add(file.asText());
        }
        JsonNode executionId = root.get("executionId");
        Optional<String> execution = executionId != null && executionId.isTextual() ? Optional.of(executionId.asText()) : Optional.empty();
        return new Manifest(exportName, execution, deliveredAt, dataFiles);
    }

    /**
     * The path of a listed data file below {@code <export>/data/}, such as
     * {@code BILLING_PERIOD=2026-09/my-export-00001.snappy.parquet}: the part that matches wherever the export was copied.
     */
    String pathBelowData(String dataFile, String origin) {
        String marker = "/" + exportName + "/data/";
        int at = dataFile.lastIndexOf(marker);
        if (at < 0 || at + marker.length() == dataFile.length()) {
            throw malformed(origin, "field 'dataFiles' lists '%s', which is not below '%s'".formatted(dataFile, marker.substring(1)));
        }
        return dataFile.substring(at + marker.length());
    }

    private static String requiredText(JsonNode root, String field, String origin) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw malformed(origin, "field '%s' is missing or not a string".formatted(field));
        }
        return value.asText();
    }

    private static SpendlensException malformed(String origin, String problem) {
        return new SpendlensException(
                ErrorCode.CUR_UNREADABLE_FILE,
                "malformed manifest %s: %s. Download it again from the export bucket, or delete it to load the files of its folder without a manifest"
                        .formatted(origin, problem));
    }
}
