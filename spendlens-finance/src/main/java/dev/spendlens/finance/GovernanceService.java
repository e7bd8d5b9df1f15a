package dev.spendlens.finance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.AllocatedValue;
import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.AllocationSource;
import dev.spendlens.allocation.AllocationSubject;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.allocation.TagSource;
import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostQuery;
import dev.spendlens.costquery.Dimension;
import dev.spendlens.costquery.Expression;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.MatchOption;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;
import dev.spendlens.costquery.TimePeriod;
import dev.spendlens.duckdb.finance.FactCalendar;
import dev.spendlens.duckdb.finance.TaggedCallers;
import dev.spendlens.governance.TagSpellings;
import dev.spendlens.principal.PrincipalParser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Tag governance: what makes attribution impossible or wrong, ranked by the spend concerned, each
 * finding with what to do about it.
 */
public final class GovernanceService {
    private static final String TEAM = "team";

    private final StoreAccess access;

    public GovernanceService(StoreAccess access) {
        this.access = requireNonNull(access, "access is null");
    }

    public GovernanceReport report(YearMonth month) {
        TimePeriod period = new TimePeriod(month.atDay(1), month.plusMonths(1).atDay(1));
        AllocationPolicy policy = access.allocator().policy();
        List<Finding> findings = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        List<GovernanceReport.DimensionShare> shares = new ArrayList<>();
        for (AllocationDimension dimension : policy.dimensions()) {
            Map<List<String>, BigDecimal> byValue = spend(period, List.of(access.fields().allocation(dimension.name())), Optional.empty());
            total = byValue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal unallocated = byValue.getOrDefault(List.of(ReservedBucket.UNALLOCATED.label()), BigDecimal.ZERO);
            BigDecimal noCaller = byValue.getOrDefault(List.of(ReservedBucket.NO_CALLER.label()), BigDecimal.ZERO);
            shares.add(new GovernanceReport.DimensionShare(dimension.name(), unallocated, noCaller));
            if (unallocated.signum() > 0) {
                findings.add(new Finding(Finding.Kind.UNALLOCATED_SHARE, dimension.name(), unallocated,
                        "%s of the month's calls (%s) name no %s".formatted(percent(unallocated, total), unallocated.setScale(2, RoundingMode.HALF_UP), dimension.name()),
                        "tag the callers below with iamPrincipal/%s (or pass it as a session tag), or give them a rule or a people-file entry".formatted(dimension.tagKeys().get(0))));
            }
        }
        if (policy.dimension(TEAM).isPresent()) {
            findings.addAll(withoutTeam(period));
            findings.addAll(sharedRoles(period));
        }
        for (AllocationDimension dimension : policy.dimensions()) {
            findings.addAll(spellings(period, dimension, policy));
            findings.addAll(contradictions(period, dimension, policy));
        }
        findings.addAll(newPrincipals(period));
        return new GovernanceReport(month, access.engine().currency(), total, shares, findings);
    }

    private List<Finding> withoutTeam(TimePeriod period) {
        Map<List<String>, BigDecimal> spend = spend(period, List.of(builtin(Dimension.PRINCIPAL), builtin(Dimension.PRINCIPAL_TYPE), access.fields().allocation(TEAM)),
                Optional.empty());
        List<Finding> findings = new ArrayList<>();
        spend.forEach((keys, cost) -> {
            if (keys.get(2).equals(ReservedBucket.UNALLOCATED.label()) && !ReservedBucket.isReserved(keys.get(0))) {
                String action = switch (keys.get(1)) {
                    case "IAM_USER", "API_KEY_USER" -> "tag the IAM user with team (aws iam tag-user), or add it to the rules file";
                    case "FEDERATED_USER" -> "have the identity provider pass a team session tag, or add the person to the people file";
                    default -> "tag the role with team (aws iam tag-role), or add a rule matching its ARN";
                };
                findings.add(new Finding(Finding.Kind.PRINCIPAL_WITHOUT_TEAM, keys.get(0), cost, "%s with spend and no team".formatted(keys.get(1).toLowerCase(java.util.Locale.ROOT)),
                        action));
            }
        });
        findings.sort(Comparator.comparing(Finding::cost).reversed());
        return findings;
    }

    private List<Finding> sharedRoles(TimePeriod period) {
        Expression federated = new Expression.Match(builtin(Dimension.PRINCIPAL_TYPE), List.of("FEDERATED_USER"), Set.of(MatchOption.EQUALS));
        Map<List<String>, BigDecimal> spend = spend(period, List.of(builtin(Dimension.ROLE), builtin(Dimension.PERSON), access.fields().allocation(TEAM)),
                Optional.of(federated));
        Map<String, Set<String>> people = new LinkedHashMap<>();
        Map<String, Set<String>> teams = new LinkedHashMap<>();
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        spend.forEach((keys, cost) -> {
            people.computeIfAbsent(keys.get(0), ignored -> new LinkedHashSet<>()).add(keys.get(1));
            teams.computeIfAbsent(keys.get(0), ignored -> new TreeSet<>()).add(keys.get(2));
            costs.merge(keys.get(0), cost, BigDecimal::add);
        });
        List<Finding> findings = new ArrayList<>();
        people.forEach((role, persons) -> {
            if (persons.size() < 2 || ReservedBucket.isReserved(role)) {
                return;
            }
            Set<String> roleTeams = teams.get(role);
            boolean mixed = roleTeams.size() > 1 || roleTeams.contains(ReservedBucket.UNALLOCATED.label());
            findings.add(new Finding(Finding.Kind.SHARED_ROLE, role, costs.get(role),
                    "%d people use this role through federated sessions; their teams: %s".formatted(persons.size(), String.join(", ", roleTeams)),
                    mixed ? "split the role per team, or have the identity provider pass a team session tag (AssumeRoleWithSAML/WebIdentity) so each session carries its team"
                            : "all its people are in one team: tag the role itself with that team so new people are attributed too"));
        });
        findings.sort(Comparator.comparing(Finding::cost).reversed());
        return findings;
    }

    private List<Finding> spellings(TimePeriod period, AllocationDimension dimension, AllocationPolicy policy) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, Set<String>> keysOfValue = new LinkedHashMap<>();
        for (TagSource source : policy.precedence()) {
            for (String tagKey : dimension.tagKeys()) {
                String key = source.prefix() + tagKey;
                spend(period, List.of(new Field.Tag(key)), Optional.empty()).forEach((keys, cost) -> {
                    if (!keys.get(0).isEmpty()) {
                        values.merge(keys.get(0), cost, BigDecimal::add);
                        keysOfValue.computeIfAbsent(keys.get(0), ignored -> new TreeSet<>()).add(key);
                    }
                });
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (TagSpellings.Group group : TagSpellings.find(values)) {
            String written = group.spend().entrySet().stream()
                    .map(entry -> "'%s' %s (%s)".formatted(entry.getKey(), entry.getValue().setScale(2, RoundingMode.HALF_UP), String.join(", ", keysOfValue.get(entry.getKey()))))
                    .collect(Collectors.joining(", "));
            List<String> others = group.spend().keySet().stream().filter(value -> !value.equals(group.suggested())).toList();
            boolean folded = policy.normalization().enabled() && group.spend().keySet().stream().map(policy.normalization()::normalize).distinct().count() == 1;
            String action = "retag %s as '%s' at the source".formatted(others.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", ")), group.suggested())
                    + (folded ? " (reports already fold them: allocation.normalize-values)" : "; until then add allocation.aliases: {%s}".formatted(
                            others.stream().map(value -> "\"%s\": %s".formatted(value, group.suggested())).collect(Collectors.joining(", "))));
            findings.add(new Finding(Finding.Kind.TAG_SPELLINGS, dimension.name() + "=" + group.suggested(), group.total(),
                    "%s is written %d ways: %s".formatted(dimension.name(), group.spend().size(), written), action));
        }
        return findings;
    }

    private List<Finding> contradictions(TimePeriod period, AllocationDimension dimension, AllocationPolicy policy) {
        if (policy.rules().isEmpty() && policy.people().size() == 0) {
            return List.of();
        }
        // What the people file and the rules would say if tags were silent.
        Allocator withoutTags = new Allocator(new AllocationPolicy(policy.dimensions(), List.of(), policy.normalization(), policy.rules(), policy.people()));
        List<Finding> findings = new ArrayList<>();
        Map<String, BigDecimal> seen = new LinkedHashMap<>();
        for (TaggedCallers.TaggedCaller caller : TaggedCallers.list(access.store(), dimension.name(), period.start(), period.end())) {
            AllocatedValue ruled = withoutTags.allocate(new AllocationSubject(Optional.of(PrincipalParser.parse(caller.arn())), Map.of(), true)).value(dimension.name());
            AllocationSource.Kind kind = ruled.source().kind();
            if ((kind == AllocationSource.Kind.RULE || kind == AllocationSource.Kind.PEOPLE_DIRECTORY) && !ruled.value().equals(caller.value())) {
                String key = caller.label() + "\u0000" + caller.value();
                if (seen.merge(key, caller.cost(), BigDecimal::add).compareTo(caller.cost()) != 0) {
                    continue;
                }
                String says = kind == AllocationSource.Kind.RULE ? "rule '%s'".formatted(ruled.source().detail()) : "the people file";
                findings.add(new Finding(Finding.Kind.RULE_CONTRADICTS_TAG, caller.label(), caller.cost(),
                        "%s is tagged %s=%s (%s) but %s says %s".formatted(caller.label(), dimension.name(), caller.value(), caller.source(), says, ruled.value()),
                        "fix whichever is wrong: retag the principal, or correct %s; tags win while both disagree".formatted(says)));
            }
        }
        findings.sort(Comparator.comparing(Finding::cost).reversed());
        return findings;
    }

    private List<Finding> newPrincipals(TimePeriod period) {
        LocalDate first = FactCalendar.span(access.store()).map(span -> span[0]).orElse(period.start());
        if (!first.isBefore(period.start())) {
            return List.of(); // the first month of data: everybody is new, which says nothing
        }
        List<Field> fields = new ArrayList<>(List.of(builtin(Dimension.PRINCIPAL), builtin(Dimension.PRINCIPAL_TYPE), builtin(Dimension.ROLE)));
        boolean hasTeam = access.allocator().policy().dimension(TEAM).isPresent();
        if (hasTeam) {
            fields.add(access.fields().allocation(TEAM));
        }
        Set<String> earlier = new LinkedHashSet<>();
        spend(new TimePeriod(first, period.start()), fields, Optional.empty()).keySet().forEach(keys -> earlier.add(identity(keys)));
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        Map<String, String> teams = new LinkedHashMap<>();
        spend(period, fields, Optional.empty()).forEach((keys, cost) -> {
            String identity = identity(keys);
            if (!earlier.contains(identity) && !ReservedBucket.isReserved(keys.get(0))) {
                costs.merge(identity, cost, BigDecimal::add);
                teams.merge(identity, hasTeam ? keys.get(3) : "", (left, right) -> left.equals(right) ? left : left + ", " + right);
            }
        });
        List<Finding> findings = new ArrayList<>();
        costs.forEach((identity, cost) -> {
            String team = teams.get(identity);
            boolean owned = hasTeam && !team.isEmpty() && !ReservedBucket.isReserved(team);
            findings.add(new Finding(Finding.Kind.NEW_PRINCIPAL, identity, cost, "first spend this month" + (owned ? ", team " + team : ", no team"),
                    owned ? "confirm with team %s that this principal is theirs and expected".formatted(team) : "find its owner and tag it with team"));
        });
        findings.sort(Comparator.comparing(Finding::cost).reversed());
        return findings;
    }

    // Applications and agents open new sessions all the time (ECS task ids, AgentCore runtimes): their role is what is new or not.
    private static String identity(List<String> keys) {
        return switch (keys.get(1)) {
            case "ASSUMED_ROLE_SESSION", "SERVICE_SESSION" -> "role " + keys.get(2) + " (its sessions)";
            default -> keys.get(0);
        };
    }

    private Field builtin(Dimension dimension) {
        return new Field.Builtin(dimension);
    }

    private Map<List<String>, BigDecimal> spend(TimePeriod period, List<Field> groupBy, Optional<Expression> filter) {
        Map<List<String>, BigDecimal> spend = new LinkedHashMap<>();
        for (ResultByTime bucket : access.engine().run(new CostQuery(period, Granularity.MONTHLY, List.of(Metric.UNBLENDED_COST), groupBy, filter)).resultsByTime()) {
            for (CostGroup group : bucket.groups()) {
                spend.merge(group.keys(), group.metrics().get(Metric.UNBLENDED_COST).amount(), BigDecimal::add);
            }
        }
        return spend;
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "0%" : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
