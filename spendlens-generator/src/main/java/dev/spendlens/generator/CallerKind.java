package dev.spendlens.generator;

/** What kind of identity calls Bedrock, which decides its ARN shape, its habits and how its sessions rotate. */
enum CallerKind {
    /** A person signed in through IAM Identity Center: {@code assumed-role/AWSReservedSSO_BedrockUsers_<suffix>/<e-mail>}. */
    SSO_PERSON,
    /** A person federated from Okta into a shared role: {@code assumed-role/BedrockAnalysts/<e-mail>}. */
    FEDERATED_PERSON,
    /** {@code user/alice}. */
    IAM_USER,
    /** {@code user/BedrockAPIKey-xxxxx}. */
    API_KEY_USER,
    /** A Lambda function's role; the session is the function name. */
    LAMBDA_APP,
    /** An ECS task role; the session is the task id, which changes as tasks are replaced. */
    ECS_APP,
    /** An AgentCore runtime: a new {@code BedrockAgentCore-<uuid>} session every day. */
    AGENTCORE_AGENT,
    /** A role named directly, with an IAM path: {@code role/teams/ds/Analyst}. */
    IAM_ROLE;

    boolean person() {
        return switch (this) {
            case SSO_PERSON, FEDERATED_PERSON, IAM_USER -> true;
            case API_KEY_USER, LAMBDA_APP, ECS_APP, AGENTCORE_AGENT, IAM_ROLE -> false;
        };
    }

    boolean application() {
        return switch (this) {
            case LAMBDA_APP, ECS_APP, AGENTCORE_AGENT -> true;
            case SSO_PERSON, FEDERATED_PERSON, IAM_USER, API_KEY_USER, IAM_ROLE -> false;
        };
    }
}
