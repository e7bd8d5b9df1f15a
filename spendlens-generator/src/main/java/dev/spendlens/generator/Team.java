package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A team and what its tags should say.
 *
 * @param name the canonical {@code team} tag value, {@code data-science}
 * @param project the team's main project
 * @param costCenter numeric cost center
 * @param application the team's main application
 * @param appName CamelCase stem of its IAM role names, {@code SupportBot}
 * @param businessUnit business unit
 * @param department the Identity Center {@code department} attribute of its people
 * @param prodAccount index of its production account
 * @param devAccount index of its development account
 * @param invocations how its applications call Bedrock, most important first
 */
record Team(String name, String project, String costCenter, String application, String appName, String businessUnit, String department,
        int prodAccount, int devAccount, List<Invocation> invocations) {
    Team {
        requireNonNull(name, "name is null");
        requireNonNull(project, "project is null");
        requireNonNull(costCenter, "costCenter is null");
        requireNonNull(application, "application is null");
        requireNonNull(appName, "appName is null");
        requireNonNull(businessUnit, "businessUnit is null");
        requireNonNull(department, "department is null");
        invocations = List.copyOf(requireNonNull(invocations, "invocations is null"));
    }
}
