package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One principal of the organisation: a person, an application or an agent, with what its tags
 * should say (its true team) and what they do say.
 *
 * @param id dense id, stable for a seed
 * @param kind what kind of identity it is
 * @param account the account its identity lives in
 * @param team its true team
 * @param name a readable name: the person's e-mail or user name, the application's role
 * @param person the human behind it, when there is one
 * @param application the application it runs, for applications and agents
 * @param sessions the ARNs it calls with; for an AgentCore agent, the session ARN prefix
 * @param tagging how its spend can be attributed
 * @param principalTags tags on the IAM user or role, or session tags, as written (without the {@code iamPrincipal/} prefix)
 * @param userAttributes IAM Identity Center attributes (without the {@code userAttribute/} prefix)
 * @param region where it calls Bedrock
 * @param shape when in the day it works
 * @param dailyCost typical daily Bedrock cost of its main workload, USD, before growth
 * @param monthlyGrowth growth of its usage per month, 0.05 for 5 %
 * @param firstDay first day (export day index) it calls; 0 or less means from the start
 * @param invocations how it calls Bedrock, main workload first
 */
record Caller(int id, CallerKind kind, Account account, Team team, String name, Optional<String> person, Optional<String> application,
        List<String> sessions,
        Tagging tagging, Map<String, String> principalTags, Map<String, String> userAttributes, Region region, HourShape shape,
        double dailyCost, double monthlyGrowth, int firstDay, List<Invocation> invocations) {

    Caller {
        requireNonNull(kind, "kind is null");
        requireNonNull(account, "account is null");
        requireNonNull(team, "team is null");
        requireNonNull(name, "name is null");
        requireNonNull(person, "person is null");
        requireNonNull(application, "application is null");
        sessions = List.copyOf(requireNonNull(sessions, "sessions is null"));
        requireNonNull(tagging, "tagging is null");
        principalTags = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(principalTags, "principalTags is null")));
        userAttributes = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(userAttributes, "userAttributes is null")));
        requireNonNull(region, "region is null");
        requireNonNull(shape, "shape is null");
        invocations = List.copyOf(requireNonNull(invocations, "invocations is null"));
        if (sessions.isEmpty() || invocations.isEmpty()) {
            throw new IllegalArgumentException("a caller needs at least one session and one invocation");
        }
    }

    /**
     * The ARN billed for a workload's calls on a day. Lambda functions keep their name, ECS task ids
     * change every few days, AgentCore opens a new session each day.
     */
    String arn(int day, int slot, Noise noise) {
        return switch (kind) {
            case SSO_PERSON, FEDERATED_PERSON, IAM_USER, API_KEY_USER, IAM_ROLE -> sessions.get(0);
            case LAMBDA_APP -> sessions.get(slot % sessions.size());
            case ECS_APP -> sessions.get(Math.floorMod(slot + Math.floorDiv(day, 3), sessions.size()));
            case AGENTCORE_AGENT -> agentSession(day, slot, noise);
        };
    }

    /** A session of this agent that is not one of its daily ones: the session an anomaly runs in. */
    String agentSession(int day, int slot, Noise noise) {
        UUID uuid = new UUID(noise.hash(id, day, slot, 71), noise.hash(id, day, slot, 72));
        return sessions.get(0) + uuid;
    }

    /** The ARN that names it in labels: the first session, or the session prefix followed by '*' for agents. */
    String labelArn() {
        return kind == CallerKind.AGENTCORE_AGENT ? sessions.get(0) + "*" : sessions.get(0);
    }
}
