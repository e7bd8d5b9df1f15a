package dev.spendlens.finance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.principal.Principal;
import dev.spendlens.principal.PrincipalParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An IAM policy document that denies Bedrock model invocation to the principals over a budget's
 * hard limit, for a person to review and apply (as a service control policy, or attached to the
 * roles and users): Spendlens never calls AWS. Roles and users are matched by
 * {@code aws:PrincipalArn}; a person in a shared role by the session name ending
 * {@code aws:userid}, so that the role's other users keep working.
 */
public final class DenyPolicy {
    static final List<String> ACTIONS = List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:Converse", "bedrock:ConverseStream",
            "bedrock:CreateModelInvocationJob", "bedrock:InvokeAgent");
    private static final Pattern PSEUDONYM = Pattern.compile("person-[0-9a-f]{16}");

    private DenyPolicy() {}

    /**
     * The policy for these principals (as reports show them).
     *
     * @param left out: pseudonymised people, who cannot be named in a policy; listed for the person applying it
     */
    public record Document(ObjectNode policy, List<String> left) {}

    public static Document of(String budget, List<String> principals) {
        Set<String> arns = new TreeSet<>();
        Set<String> sessions = new TreeSet<>();
        List<String> left = new ArrayList<>();
        for (String label : principals) {
            Principal principal;
            try {
                principal = PrincipalParser.parse(label);
            } catch (SpendlensException e) {
                left.add(label);
                continue;
            }
            String name = principal.sessionName().orElse(principal.name());
            if (PSEUDONYM.matcher(name).matches()) {
                left.add(label);
                continue;
            }
            String prefix = "arn:%s:iam::%s:".formatted(principal.partition(), principal.accountId());
            switch (principal.type()) {
                case IAM_USER, API_KEY_USER -> arns.add(prefix + "user" + principal.path() + principal.name());
                case ROLE -> arns.add(principal.arn());
                // An application's or an agent's sessions rotate: its whole role is stopped.
                case ASSUMED_ROLE_SESSION, SERVICE_SESSION -> arns.add(prefix + "role/" + principal.name());
                case FEDERATED_USER -> sessions.add("*:" + principal.sessionName().orElseThrow());
                case ROOT -> left.add(label);
            }
        }
        if (arns.isEmpty() && sessions.isEmpty()) {
            throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "budget '%s': no principal over the hard limit can be named in a policy".formatted(budget));
        }
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        String sid = "SpendlensBudget" + budget.replaceAll("[^A-Za-z0-9]", "");
        if (!arns.isEmpty()) {
            ObjectNode statement = statement(statements, sid + "Principals");
            ArrayNode values = statement.putObject("Condition").putObject("ArnLike").putArray("aws:PrincipalArn");
            arns.forEach(values::add);
        }
        if (!sessions.isEmpty()) {
            ObjectNode statement = statement(statements, sid + "Sessions");
            ArrayNode values = statement.putObject("Condition").putObject("StringLike").putArray("aws:userid");
            sessions.forEach(values::add);
        }
        return new Document(policy, left);
    }

    private static ObjectNode statement(ArrayNode statements, String sid) {
        ObjectNode statement = statements.addObject();
        statement.put("Sid", sid);
        statement.put("Effect", "Deny");
        ArrayNode actions = statement.putArray("Action");
        ACTIONS.forEach(actions::add);
        statement.put("Resource", "*");
        return statement;
    }
}
