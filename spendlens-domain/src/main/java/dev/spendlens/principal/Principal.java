package dev.spendlens.principal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The caller of a Bedrock request, decoded from {@code line_item_iam_principal}.
 *
 * @param arn the ARN exactly as billed
 * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...
 * @param accountId the twelve-digit account that owns the principal
 * @param type what kind of caller this is
 * @param path the IAM path of a user or role, {@code /} when none
 * @param name the user name, or the role name for roles and role sessions
 * @param sessionName the role session name, empty for users and roles
 * @param person the human behind the call when the ARN reveals one (a federated session's e-mail, an IAM user's name)
 */
public record Principal(
        String arn,
        String partition,
        String accountId,
        PrincipalType type,
        String path,
        String name,
        Optional<String> sessionName,
        Optional<String> person) {

    public Principal {
        requireNonNull(arn, "arn is null");
        requireNonNull(partition, "partition is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(type, "type is null");
        requireNonNull(path, "path is null");
        requireNonNull(name, "name is null");
        requireNonNull(sessionName, "sessionName is null");
        requireNonNull(person, "person is null");
    }

    /** The role name for role-based callers; empty for users and root. */
    public Optional<String> roleName() {
        return switch (type) {
            case ROLE, ASSUMED_ROLE_SESSION, SERVICE_SESSION -> Optional.of(name);
            // An STS federated-user (GetFederationToken) has no role; an assumed-role person does.
            case FEDERATED_USER -> arn.contains(":assumed-role/") ? Optional.of(name) : Optional.empty();
            case IAM_USER, API_KEY_USER, ROOT -> Optional.empty();
        };
    }
}
