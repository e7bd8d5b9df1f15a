package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ExportGenerator#generate} wrote.
 *
 * @param exportRoot {@code <out>/<exportName>}, holding {@code data/} and {@code metadata/}
 * @param lineItems line items in the final export (the earlier delivery not counted)
 * @param bedrockLineItems of which Amazon Bedrock charges (first-party, Marketplace models and AgentCore)
 * @param periods billing periods written, oldest first
 * @param labelsFile {@code <out>/labels.json}, the ground truth
 * @param restatedPeriod the period delivered twice, empty when the export has a single period
 * @param earlierDeliveryRoot {@code <out>/earlier-delivery/<exportName>} when a period was restated
 * @param dataFiles every data file of the final export, oldest period first
 * @param manifests every manifest of the final export, oldest period first
 * @param principals callers in the organisation
 * @param anomalies anomalies injected and labelled
 * @param elapsed wall-clock time of the run
 */
public record GenerationSummary(
        Path exportRoot,
        long lineItems,
        long bedrockLineItems,
        List<YearMonth> periods,
        Path labelsFile,
        Optional<YearMonth> restatedPeriod,
        Optional<Path> earlierDeliveryRoot,
        List<Path> dataFiles,
        List<Path> manifests,
        int principals,
        int anomalies,
        Duration elapsed) {

    public GenerationSummary {
        requireNonNull(exportRoot, "exportRoot is null");
        periods = List.copyOf(requireNonNull(periods, "periods is null"));
        requireNonNull(labelsFile, "labelsFile is null");
        requireNonNull(restatedPeriod, "restatedPeriod is null");
        requireNonNull(earlierDeliveryRoot, "earlierDeliveryRoot is null");
        dataFiles = List.copyOf(requireNonNull(dataFiles, "dataFiles is null"));
        manifests = List.copyOf(requireNonNull(manifests, "manifests is null"));
        requireNonNull(elapsed, "elapsed is null");
    }
}
