package dev.spendlens.generator;

import dev.spendlens.generator.Workload.MeterShare;
import dev.spendlens.generator.Workload.VolumeBasis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the organisation into workloads: every caller's own invocations first (the "base", the
 * same whatever the row target), then, on demand, more of them to reach a row target: more models,
 * modes, regions and application inference profiles per caller, and more AWS services besides Bedrock.
 */
final class WorkloadFactory {
    private static final List<String> OPERATIONS = List.of(Invocation.INVOKE, Invocation.INVOKE_STREAMING);
    private static final List<String> INSTANCE_TYPES = List.of("m7i.xlarge", "c7g.2xlarge", "r6i.large", "t3.medium", "g5.xlarge");
    private static final List<String> INSTANCE_PRICES = List.of("0.2016", "0.289", "0.126", "0.0416", "1.006");

    private final Organisation organisation;
    private final MeterCatalog meters;
    private final Resources resources;
    private final Noise noise;
    private final ExportCalendar calendar;
    private final List<Workload> created = new ArrayList<>();
    private final Map<Integer, Set<String>> usedKeys = new LinkedHashMap<>();
    private final Map<Integer, Integer> extraCursor = new LinkedHashMap<>();
    private final Map<Integer, Integer> slots = new LinkedHashMap<>();
    private int callerCursor;
    private int otherCursor;

    WorkloadFactory(Organisation organisation, MeterCatalog meters, Resources resources, Noise noise, ExportCalendar calendar) {
        this.organisation = organisation;
        this.meters = meters;
        this.resources = resources;
        this.noise = noise;
        this.calendar = calendar;
    }

    /** Every caller's own workloads, the provisioned throughput nobody calls, and the free-tier line. */
    List<Workload> base() {
        List<Workload> base = new ArrayList<>();
        for (Caller caller : organisation.callers()) {
            List<Invocation> invocations = caller.invocations();
            for (int index = 0; index < invocations.size(); index++) {
                Invocation invocation = invocations.get(index);
                // The first invocation carries the caller's typical cost, later ones less.
                double baseline = caller.dailyCost() * (index == 0 ? 1.0 : 0.45 / index);
                boolean profile = caller.tagging() == Tagging.INFERENCE_PROFILE_ONLY
                        || (caller.kind().application() && noise.unit(caller.id(), index, 5, 0) < 0.3);
                base.add(invocationWorkload(caller, invocation, caller.region(), baseline, profile ? Optional.of(index) : Optional.empty()));
            }
            if (caller.kind() == CallerKind.AGENTCORE_AGENT) {
                base.add(agentRuntime(caller));
            }
        }
        base.add(provisionedThroughput());
        base.add(freeTier());
        return base;
    }

    /** Another Bedrock workload of the next caller in turn. */
    Workload nextBedrock() {
        List<Caller> callers = organisation.callers();
        while (true) {
            Caller caller = callers.get(callerCursor++ % callers.size());
            Optional<Workload> workload = extraFor(caller);
            if (workload.isPresent()) {
                return workload.get();
            }
        }
    }

    /** Another non-Bedrock workload: instances, functions, log groups, buckets, across the accounts. */
    Workload nextOther() {
        int index = otherCursor++;
        // Accounts turn more slowly than services, so that every account runs every kind of service.
        Account account = organisation.accounts().get((index / 5 + index) % organisation.accounts().size());
        Region region = noise.unit(index, 11, 0, 0) < 0.75 ? Region.US_EAST_1 : Region.US_WEST_2;
        Map<String, String> tags = Map.of("team", organisation.teams().get(index % organisation.teams().size()).name());
        return switch (index % 5) {
            case 0, 3 -> {
                int type = (int) (noise.unit(index, 12, 0, 0) * INSTANCE_TYPES.size());
                String instanceId = "i-0%016x".formatted(noise.hash(index, 13, 0, 0)).substring(0, 19);
                Resource resource = resources.register(instanceId, region.code() + (index % 2 == 0 ? "a" : "b"), tags);
                Meter meter = meters.ec2Instance(region, INSTANCE_TYPES.get(type), new BigDecimal(INSTANCE_PRICES.get(type)));
                yield workload(Optional.empty(), account, Optional.empty(), InferenceMode.ON_DEMAND, region, List.of(new MeterShare(meter, 1)),
                        resource, HourShape.SERVER, VolumeBasis.PER_ACTIVE_HOUR, 1, 0, 0, 0);
            }
            case 1 -> {
                String function = "arn:aws:lambda:%s:%s:function:%s-%d".formatted(region.code(), account.id(), tags.get("team"), index);
                Resource resource = resources.register(function, "", tags);
                List<MeterShare> shares = List.of(new MeterShare(meters.lambdaCompute(region, false), 1),
                        new MeterShare(meters.lambdaRequests(region), 2.5));
                yield workload(Optional.empty(), account, Optional.empty(), InferenceMode.ON_DEMAND, region, shares, resource, HourShape.DIURNAL,
                        VolumeBasis.DAILY_COST, 2 + 6 * noise.unit(index, 14, 0, 0), 0.02, 0, 0);
            }
            case 2 -> {
                String logGroup = "arn:aws:logs:%s:%s:log-group:/aws/lambda/%s-%d".formatted(region.code(), account.id(), tags.get("team"), index);
                Resource resource = resources.register(logGroup, "", tags);
                yield workload(Optional.empty(), account, Optional.empty(), InferenceMode.ON_DEMAND, region,
                        List.of(new MeterShare(meters.cloudWatchLogs(region), 1)), resource, HourShape.SERVER, VolumeBasis.PER_ACTIVE_HOUR,
                        0.02 + 0.5 * noise.unit(index, 15, 0, 0), 0, 0, 0);
            }
            default -> {
                String bucket = "acme-%s-%s-%d".formatted(account.environment(), tags.get("team"), index);
                Resource resource = resources.register(bucket, "", tags);
                yield workload(Optional.empty(), account, Optional.empty(), InferenceMode.ON_DEMAND, region,
                        List.of(new MeterShare(meters.s3Storage(region), 1)), resource, HourShape.DAILY_METERED, VolumeBasis.PER_ACTIVE_HOUR,
                        (200 + 5_000 * noise.unit(index, 16, 0, 0)) / 30.0, 0, 0, 0);
            }
        };
    }

    private Optional<Workload> extraFor(Caller caller) {
        Set<String> used = usedKeys.computeIfAbsent(caller.id(), id -> new HashSet<>());
        int models = ModelCatalog.ALL.size();
        InferenceMode[] modes = InferenceMode.values();
        Region[] regions = Region.values();
        for (int attempt = 0; attempt < 64; attempt++) {
            int combination = extraCursor.merge(caller.id(), 1, Integer::sum) - 1;
            BedrockModel model = ModelCatalog.ALL.get((combination + caller.id()) % models);
            InferenceMode mode = modes[(combination / models) % modes.length];
            Region region = combination / (models * modes.length) % 2 == 0 ? caller.region() : regions[(combination / models) % regions.length];
            String operation = OPERATIONS.get(combination / (models * modes.length * 2) % 2);
            int profileRound = combination / (models * modes.length * 4);
            boolean profile = caller.tagging() == Tagging.INFERENCE_PROFILE_ONLY || profileRound > 0;
            String key = model.name() + "|" + mode + "|" + region + "|" + operation + "|" + (profile ? "p" + combination : "");
            if (!mode.availableFor(model) || !used.add(key)) {
                continue;
            }
            int extras = used.size();
            double baseline = caller.dailyCost() * 0.5 / extras * noise.logNormal(0.5, caller.id(), combination, 31);
            Invocation invocation = Invocation.of(model, mode, operation);
            return Optional.of(invocationWorkload(caller, invocation, region, baseline, profile ? Optional.of(1_000 + combination) : Optional.empty()));
        }
        return Optional.empty();
    }

    private Workload invocationWorkload(Caller caller, Invocation invocation, Region region, double baseline, Optional<Integer> profile) {
        usedKeys.computeIfAbsent(caller.id(), id -> new HashSet<>()).add(invocation.model().name() + "|" + invocation.mode() + "|" + region
                + "|" + invocation.operation() + "|");
        List<MeterShare> shares = new ArrayList<>();
        BedrockModel model = invocation.model();
        InferenceMode mode = invocation.mode();
        shares.add(new MeterShare(meters.token(model, region, mode, TokenKind.INPUT, invocation.operation()), 1));
        if (!model.embeddings()) {
            double output = caller.kind().person() ? 0.35 : caller.kind() == CallerKind.AGENTCORE_AGENT ? 0.15 : 0.22;
            shares.add(new MeterShare(meters.token(model, region, mode, TokenKind.OUTPUT, invocation.operation()), output));
        }
        if (invocation.promptCache()) {
            double reads = caller.kind() == CallerKind.AGENTCORE_AGENT ? 2.5 : 1.2;
            shares.add(new MeterShare(meters.token(model, region, mode, TokenKind.CACHE_READ, invocation.operation()), reads));
            shares.add(new MeterShare(meters.token(model, region, mode, TokenKind.CACHE_WRITE, invocation.operation()), 0.15));
            if (model.marketplace() && mode == InferenceMode.CROSS_REGION_GLOBAL) {
                shares.add(new MeterShare(meters.token(model, region, mode, TokenKind.CACHE_WRITE_1H, invocation.operation()), 0.04));
            }
        }
        Resource resource = profile.map(index -> inferenceProfile(caller, region, index)).orElse(resources.none());
        HourShape shape = mode == InferenceMode.BATCH ? HourShape.NIGHTLY_BATCH : caller.shape();
        return workload(Optional.of(caller), caller.account(), Optional.of(model), mode, region, shares, resource, shape, VolumeBasis.DAILY_COST,
                baseline, caller.monthlyGrowth(), caller.firstDay(), nextSlot(caller));
    }

    private Resource inferenceProfile(Caller caller, Region region, int index) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        long hash = noise.hash(caller.id(), index, 41, 0);
        StringBuilder id = new StringBuilder(12);
        for (int position = 0; position < 12; position++) {
            id.append(alphabet.charAt((int) Long.remainderUnsigned(hash >>> (position * 5), alphabet.length())));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", caller.team().name());
        tags.put("project", caller.team().project());
        String arn = "arn:aws:bedrock:%s:%s:application-inference-profile/%s".formatted(region.code(), caller.account().id(), id);
        return resources.register(arn, "", tags);
    }

    private Workload agentRuntime(Caller caller) {
        List<MeterShare> shares = List.of(new MeterShare(meters.agentCoreRuntime(caller.region(), false), 1),
                new MeterShare(meters.agentCoreRuntime(caller.region(), true), 2));
        return workload(Optional.of(caller), caller.account(), Optional.empty(), InferenceMode.ON_DEMAND, caller.region(), shares, resources.none(),
                caller.shape(), VolumeBasis.DAILY_COST, caller.dailyCost() * 0.15, caller.monthlyGrowth(), caller.firstDay(), nextSlot(caller));
    }

    private Workload provisionedThroughput() {
        Account account = organisation.accounts().get(0);
        Region region = Region.US_EAST_1;
        Meter meter = meters.provisioned(ModelCatalog.CLAUDE_HAIKU_4_5, region);
        String arn = "arn:aws:bedrock:%s:%s:provisioned-model/%012x".formatted(region.code(), account.id(), noise.hash(51, 0, 0, 0) >>> 16);
        Resource resource = resources.register(arn, "", Map.of("team", "support-bot"));
        // Bought at the start of the second month, when there is one.
        int firstDay = calendar.periods().size() > 1 ? calendar.firstDayOf(1) : 0;
        return workload(Optional.empty(), account, Optional.of(ModelCatalog.CLAUDE_HAIKU_4_5), InferenceMode.ON_DEMAND, region,
                List.of(new MeterShare(meter, 1)), resource, HourShape.ALWAYS_ON, VolumeBasis.PER_ACTIVE_HOUR, 1, 0, firstDay, 0);
    }

    private Workload freeTier() {
        Account account = organisation.accounts().get(0);
        Meter meter = meters.lambdaCompute(Region.US_EAST_1, true);
        return workload(Optional.empty(), account, Optional.empty(), InferenceMode.ON_DEMAND, Region.US_EAST_1, List.of(new MeterShare(meter, 1)),
                resources.none(), HourShape.DAILY_METERED, VolumeBasis.PER_ACTIVE_HOUR, 400_000 / 30.0, 0, 0, 0);
    }

    private int nextSlot(Caller caller) {
        return slots.merge(caller.id(), 1, Integer::sum) - 1;
    }

    private Workload workload(Optional<Caller> caller, Account account, Optional<BedrockModel> model, InferenceMode mode, Region region,
            List<MeterShare> shares, Resource resource, HourShape shape, VolumeBasis basis, double baseline, double growth, int firstDay, int slot) {
        Workload workload = new Workload(created.size() + 1, caller, account, model, mode, region, shares, resource, shape, basis, baseline,
                growth, firstDay, slot);
        created.add(workload);
        return workload;
    }
}
