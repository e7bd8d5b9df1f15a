package dev.spendlens.principal;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the caller ARNs that CUR 2.0 writes into {@code line_item_iam_principal}.
 *
 * <p>A federated person is recognised by an e-mail-like session name, or by an IAM Identity Center
 * role ({@code AWSReservedSSO_...}) whose session name is the user name. AgentCore runtimes open
 * sessions named {@code BedrockAgentCore-<uuid>}.
 */
public final class PrincipalParser {
    // arn:<partition>:<iam|sts>::<account>:<resource>
    private static final Pattern ARN = Pattern.compile("arn:(aws[a-z-]*):(iam|sts)::(\\d{12}):(.+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String API_KEY_USER_PREFIX = "BedrockAPIKey-";
    private static final String IDENTITY_CENTER_ROLE_PREFIX = "AWSReservedSSO_";
    private static final String AGENTCORE_SESSION_PREFIX = "BedrockAgentCore-";

    private PrincipalParser() {}

    /** Parses an ARN, or throws {@link ErrorCode#MALFORMED_PRINCIPAL_ARN} saying what is wrong with it. */
    public static Principal parse(String arn) {
        Matcher matcher = ARN.matcher(arn.strip());
        if (!matcher.matches()) {
            throw malformed(arn, "expected arn:<partition>:iam|sts::<12-digit account>:<resource>");
        }
        String partition = matcher.group(1);
        String service = matcher.group(2);
        String accountId = matcher.group(3);
        String resource = matcher.group(4);
        String canonicalArn = arn.strip();

        if (service.equals("iam")) {
            if (resource.equals("root")) {
                return new Principal(canonicalArn, partition, accountId, PrincipalType.ROOT, "/", "root", Optional.empty(), Optional.empty());
            }
            if (resource.startsWith("user/")) {
                PathAndName user = pathAndName(arn, resource.substring("user/".length()));
                PrincipalType type = user.name().startsWith(API_KEY_USER_PREFIX) ? PrincipalType.API_KEY_USER : PrincipalType.IAM_USER;
                Optional<String> person = type == PrincipalType.IAM_USER ? Optional.of(user.name()) : Optional.empty();
                return new Principal(canonicalArn, partition, accountId, type, user.path(), user.name(), Optional.empty(), person);
            }
            if (resource.startsWith("role/")) {
                PathAndName role = pathAndName(arn, resource.substring("role/".length()));
                return new Principal(canonicalArn, partition, accountId, PrincipalType.ROLE, role.path(), role.name(), Optional.empty(), Optional.empty());
            }
            throw malformed(arn, "an iam principal must be user/..., role/... or root");
        }

        if (resource.startsWith("assumed-role/")) {
            String rest = resource.substring("assumed-role/".length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw malformed(arn, "an assumed-role ARN must be assumed-role/<role>/<session>");
            }
            String role = rest.substring(0, slash);
            String session = rest.substring(slash + 1);
            return session(canonicalArn, partition, accountId, role, session);
        }
        if (resource.startsWith("federated-user/")) {
            String name = resource.substring("federated-user/".length());
            if (name.isEmpty()) {
                throw malformed(arn, "a federated-user ARN must name the user");
            }
            return new Principal(canonicalArn, partition, accountId, PrincipalType.FEDERATED_USER, "/", name, Optional.of(name), Optional.of(personKey(name)));
        }
        throw malformed(arn, "an sts principal must be assumed-role/<role>/<session> or federated-user/<name>");
    }

    private static Principal session(String arn, String partition, String accountId, String role, String session) {
        if (session.startsWith(AGENTCORE_SESSION_PREFIX)) {
            return new Principal(arn, partition, accountId, PrincipalType.SERVICE_SESSION, "/", role, Optional.of(session), Optional.empty());
        }
        if (EMAIL.matcher(session).matches() || role.startsWith(IDENTITY_CENTER_ROLE_PREFIX)) {
            return new Principal(arn, partition, accountId, PrincipalType.FEDERATED_USER, "/", role, Optional.of(session), Optional.of(personKey(session)));
        }
        return new Principal(arn, partition, accountId, PrincipalType.ASSUMED_ROLE_SESSION, "/", role, Optional.of(session), Optional.empty());
    }

    // E-mail addresses are case-insensitive in practice; IdPs send them in whatever case the user typed.
    private static String personKey(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private record PathAndName(String path, String name) {}

    private static PathAndName pathAndName(String arn, String pathAndName) {
        int lastSlash = pathAndName.lastIndexOf('/');
        String name = pathAndName.substring(lastSlash + 1);
        if (name.isEmpty()) {
            throw malformed(arn, "the user or role name is empty");
        }
        String path = lastSlash < 0 ? "/" : "/" + pathAndName.substring(0, lastSlash + 1);
        return new PathAndName(path, name);
    }

    private static SpendlensException malformed(String arn, String why) {
        return new SpendlensException(ErrorCode.MALFORMED_PRINCIPAL_ARN, "malformed IAM principal '%s': %s".formatted(arn, why));
    }
}
