package dev.spendlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spendlens.detection.LabelledAnomaly;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated export's {@code labels.json}, read for the anomaly benchmark: the injected anomalies,
 * and who every ARN belongs to (a caller's renamed sessions are one identity, as in the labels).
 */
final class GroundTruth {
    private final List<LabelledAnomaly> anomalies = new ArrayList<>();
    private final List<LabelledAnomaly> onsets = new ArrayList<>();
    private final Map<String, String> identities = new HashMap<>();
    private final Map<String, String> agentPrefixes = new HashMap<>();

    private GroundTruth() {}

    static GroundTruth read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "cannot read labels %s: %s".formatted(file, e.getMessage()));
        }
        GroundTruth truth = new GroundTruth();
        LocalDate exportStart = LocalDate.parse(root.path("periods").get(0).asText() + "-01");
        for (JsonNode principal : root.path("principals")) {
            String id = "caller-" + principal.path("id").asText();
            String arn = principal.path("arn").asText();
            if (arn.endsWith("*")) {
                truth.agentPrefixes.put(arn.substring(0, arn.length() - 1), id);
            } else {
                truth.identities.put(arn, id);
            }
            principal.path("sessionArns").forEach(session -> truth.identities.put(session.asText(), id));
            LocalDate firstDay = LocalDate.parse(principal.path("firstDay").asText());
            if (firstDay.isAfter(exportStart)) {
                truth.onsets.add(new LabelledAnomaly("P" + principal.path("id").asText(), "onset", id, firstDay, firstDay.plusDays(6)));
            }
        }
        for (JsonNode anomaly : root.path("anomalies")) {
            truth.anomalies.add(new LabelledAnomaly(anomaly.path("id").asText(), anomaly.path("kind").asText(), truth.identity(anomaly.path("principal").asText()),
                    LocalDate.parse(anomaly.path("start").path("date").asText()), LocalDate.parse(anomaly.path("end").path("date").asText())));
        }
        return truth;
    }

    /** The injected anomalies. */
    List<LabelledAnomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    /** The injected anomalies plus the first week of every principal that starts during the export (new principals the labels do not list). */
    List<LabelledAnomaly> anomaliesAndOnsets() {
        List<LabelledAnomaly> all = new ArrayList<>(anomalies);
        for (LabelledAnomaly onset : onsets) {
            boolean labelled = anomalies.stream().anyMatch(anomaly -> anomaly.identity().equals(onset.identity()) && anomaly.kind().equals("new_principal"));
            if (!labelled) {
                all.add(onset);
            }
        }
        return all;
    }

    /** The caller behind an ARN, or the ARN itself when the labels do not know it. */
    String identity(String arn) {
        String id = identities.get(arn);
        if (id != null) {
            return id;
        }
        for (Map.Entry<String, String> prefix : agentPrefixes.entrySet()) {
            if (arn.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return arn;
    }
}
