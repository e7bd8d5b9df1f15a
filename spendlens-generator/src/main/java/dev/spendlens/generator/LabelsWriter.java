package dev.spendlens.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.generator.Workload.MeterShare;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code labels.json}, the ground truth of a generated export: who every principal really
 * belongs to, which tags are wrong or missing, which anomalies were injected and how big they are,
 * and which period was restated. Paths in it are relative to the output folder, so the file is the
 * same wherever it is written.
 */
final class LabelsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabelsWriter() {}

    /** The two deliveries of the restated period. */
    record Restatement(YearMonth period, Instant earlierDelivery, String earlierManifest, Instant finalDelivery, String finalManifest) {}

    static void write(Path file, GeneratorOptions options, ExportCalendar calendar, Organisation organisation, UsagePlan plan,
            List<Anomaly> anomalies, Optional<Restatement> restatement) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", "spendlens-generator");
        root.put("seed", options.seed());
        ObjectNode settings = root.putObject("options");
        settings.put("months", options.months());
        settings.put("principals", options.principals());
        settings.put("granularity", options.granularity().name());
        settings.put("format", options.format().name());
        options.targetRows().ifPresent(rows -> settings.put("targetRows", rows));
        settings.put("firstMonth", options.firstMonth().toString());
        settings.put("exportName", options.exportName());
        settings.put("principalDataFrom", options.principalDataFrom().toString());
        ArrayNode periods = root.putArray("periods");
        calendar.periods().forEach(period -> periods.add(period.toString()));
        root.put("principalDataFrom", options.principalDataFrom().toString());
        root.put("hourActivityScale", round(plan.activity(), 4));
        root.putObject("payer").put("accountId", organisation.payerAccountId()).put("name", organisation.payerAccountName());

        ArrayNode accounts = root.putArray("accounts");
        for (Account account : organisation.accounts()) {
            ObjectNode node = accounts.addObject().put("accountId", account.id()).put("name", account.name())
                    .put("environment", account.environment()).put("businessUnit", account.businessUnit());
            putMap(node.putObject("accountTags"), account.tags());
            account.costCategory().ifPresent(value -> node.putObject("costCategory").put(TagSets.COST_CATEGORY, value));
        }
        ArrayNode teams = root.putArray("teams");
        for (Team team : organisation.teams()) {
            teams.addObject().put("name", team.name()).put("project", team.project()).put("costCenter", team.costCenter())
                    .put("application", team.application()).put("businessUnit", team.businessUnit());
        }

        // The first day a principal really calls, from the plan (a late starter, the newcomer).
        Map<Integer, Integer> firstDays = new TreeMap<>();
        for (Workload workload : plan.workloads()) {
            workload.caller().ifPresent(caller -> plan.rows(workload.id()).stream().mapToInt(PlanRow::day).min()
                    .ifPresent(day -> firstDays.merge(caller.id(), day, Math::min)));
        }
        ArrayNode principals = root.putArray("principals");
        ArrayNode untagged = root.putArray("untaggedPrincipals");
        Map<String, TreeSet<String>> spellings = new TreeMap<>();
        for (Caller caller : organisation.callers()) {
            ObjectNode node = principals.addObject();
            node.put("id", caller.id());
            node.put("kind", caller.kind().name());
            node.put("arn", caller.labelArn());
            if (caller.kind() == CallerKind.LAMBDA_APP || caller.kind() == CallerKind.ECS_APP) {
                ArrayNode sessions = node.putArray("sessionArns");
                caller.sessions().forEach(sessions::add);
            }
            node.put("accountId", caller.account().id());
            caller.person().ifPresent(person -> node.put("person", person));
            node.put("team", caller.team().name());
            node.put("project", caller.team().project());
            node.put("costCenter", caller.team().costCenter());
            caller.application().ifPresent(application -> node.put("application", application));
            node.put("tagging", caller.tagging().name());
            Map<String, String> written = new TreeMap<>();
            caller.principalTags().forEach((key, value) -> written.put("iamPrincipal/" + key, value));
            caller.userAttributes().forEach((key, value) -> written.put("userAttribute/" + key, value));
            putMap(node.putObject("principalTags"), written);
            Optional.ofNullable(firstDays.get(caller.id())).ifPresent(day -> node.put("firstDay", calendar.date(day).toString()));
            if (caller.tagging() == Tagging.MISSPELLED) {
                spellings.computeIfAbsent(caller.team().name(), team -> new TreeSet<>()).add(caller.principalTags().get("team"));
            }
            if (!caller.tagging().principalTags()) {
                String fallback = switch (caller.tagging()) {
                    case INFERENCE_PROFILE_ONLY -> "resourceTags";
                    case ACCOUNT_TAG_ONLY -> "accountTag";
                    case UNTAGGED, TAGGED, MISSPELLED -> "none";
                };
                untagged.addObject().put("arn", caller.labelArn()).put("team", caller.team().name()).put("fallback", fallback);
            }
        }
        ArrayNode inconsistent = root.putArray("tagSpellings");
        spellings.forEach((team, variants) -> {
            ArrayNode values = inconsistent.addObject().put("key", "team").put("canonical", team).putArray("spellings");
            variants.forEach(values::add);
        });

        ArrayNode unattributed = root.putArray("unattributed");
        for (Workload workload : plan.workloads()) {
            if (workload.caller().isEmpty() && workload.bedrock()) {
                unattributed.addObject().put("what", "provisioned throughput").put("accountId", workload.account().id())
                        .put("usageType", workload.meters().get(0).meter().usageType()).put("resourceId", workload.resource().resourceId())
                        .put("from", calendar.date(Math.max(0, workload.firstDay())).toString());
            }
        }

        ArrayNode injected = root.putArray("anomalies");
        for (Anomaly anomaly : anomalies) {
            injected.add(anomaly(anomaly, calendar, plan));
        }
        restatement.ifPresent(restated -> {
            ObjectNode node = root.putObject("restatedPeriod");
            node.put("period", restated.period().toString());
            node.putObject("earlierDelivery").put("deliveryTimestamp", restated.earlierDelivery().toString())
                    .put("manifest", restated.earlierManifest());
            node.putObject("finalDelivery").put("deliveryTimestamp", restated.finalDelivery().toString()).put("manifest", restated.finalManifest());
        });
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.EXTERNAL_FAILURE, "cannot write labels %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    private static ObjectNode anomaly(Anomaly anomaly, ExportCalendar calendar, UsagePlan plan) {
        Workload workload = anomaly.workload();
        Caller caller = workload.caller().orElseThrow();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", anomaly.id());
        node.put("kind", anomaly.kind().label());
        node.put("principal", anomaly.principalArn());
        node.put("team", caller.team().name());
        node.put("model", workload.model().map(BedrockModel::name).orElse(""));
        ArrayNode usageTypes = node.putArray("usageTypes");
        for (MeterShare share : workload.meters()) {
            usageTypes.add(share.meter().usageType());
        }
        node.put("accountId", workload.account().id());
        moment(node.putObject("start"), calendar, anomaly.startDay(), anomaly.startHour());
        moment(node.putObject("end"), calendar, anomaly.endDay(), anomaly.endHour());
        double expected = 0;
        double extra = 0;
        for (PlanRow row : plan.rows(workload.id())) {
            if (row.day() == anomaly.startDay()) {
                expected = row.baseCost();
            }
            if (row.day() >= anomaly.startDay() && row.day() <= anomaly.endDay()) {
                extra += row.extraCost();
                if (anomaly.kind() == AnomalyKind.NEW_PRINCIPAL) {
                    extra += row.baseCost();
                }
            }
        }
        node.put("expectedDailyCost", anomaly.kind() == AnomalyKind.NEW_PRINCIPAL ? 0.0 : round(expected, 2));
        node.put("extraCost", round(extra, 2));
        return node;
    }

    private static void moment(ObjectNode node, ExportCalendar calendar, int day, OptionalInt hour) {
        node.put("date", calendar.date(day).toString());
        hour.ifPresent(value -> node.put("hour", value));
    }

    private static void putMap(ObjectNode node, Map<String, String> values) {
        new TreeMap<>(values).forEach(node::put);
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
