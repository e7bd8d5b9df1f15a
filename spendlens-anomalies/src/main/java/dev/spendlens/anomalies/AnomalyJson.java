package dev.spendlens.anomalies;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.anomaly.CostAnomaly;
import dev.spendlens.detection.Contribution;

/** The JSON of an anomaly, the same for the CLI's {@code --format json} and the REST API. */
public final class AnomalyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnomalyJson() {}

    /**
     * {@code {id, monitor, granularity, series, kind, start, end (null while ongoing), lastBucketEnd, ongoing, expected, actual, impact,
     * impactPercent, currency, score, scoreMeaning, explanation, owner, suppressed, feedback, feedbackNote, detectedAt, rootCause: [...]}}.
     */
    public static ObjectNode write(CostAnomaly anomaly, String currency) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", anomaly.id());
        node.put("monitor", anomaly.monitor());
        node.put("granularity", anomaly.granularity().name());
        node.put("series", anomaly.seriesKey());
        node.put("kind", anomaly.kind().name());
        node.put("start", anomaly.start().toString());
        if (anomaly.ongoing()) {
            node.putNull("end");
        } else {
            node.put("end", anomaly.end().toString());
        }
        node.put("lastBucketEnd", anomaly.end().toString());
        node.put("ongoing", anomaly.ongoing());
        node.put("expected", anomaly.expected());
        node.put("actual", anomaly.actual());
        node.put("impact", anomaly.impact());
        anomaly.impactPercent().ifPresentOrElse(percent -> node.put("impactPercent", percent), () -> node.putNull("impactPercent"));
        node.put("currency", currency);
        node.put("score", Math.round(anomaly.score() * 100) / 100.0);
        node.put("scoreMeaning", anomaly.scoreMeaning());
        node.put("explanation", anomaly.explanation());
        anomaly.owner().ifPresentOrElse(owner -> node.put("owner", owner), () -> node.putNull("owner"));
        anomaly.suppressed().ifPresentOrElse(reason -> node.put("suppressed", reason), () -> node.putNull("suppressed"));
        anomaly.feedback().ifPresentOrElse(feedback -> node.put("feedback", feedback.name()), () -> node.putNull("feedback"));
        anomaly.feedbackNote().ifPresentOrElse(note -> node.put("feedbackNote", note), () -> node.putNull("feedbackNote"));
        node.put("detectedAt", anomaly.detectedAt().toString());
        ArrayNode causes = node.putArray("rootCause");
        for (Contribution cause : anomaly.rootCause()) {
            causes.addObject().put("principal", cause.principal()).put("model", cause.model()).put("tokenType", cause.tokenType()).put("account", cause.account())
                    .put("expected", cause.expected()).put("actual", cause.actual()).put("contribution", cause.change());
        }
        return node;
    }

}
