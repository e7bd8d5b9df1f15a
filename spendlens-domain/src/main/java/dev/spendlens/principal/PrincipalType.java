package dev.spendlens.principal;

/** What kind of caller an IAM principal ARN names. */
public enum PrincipalType {
    /** {@code arn:aws:iam::123456789012:user/alice}. */
    IAM_USER,
    /** An IAM user created for a Bedrock API key: {@code user/BedrockAPIKey-...}. */
    API_KEY_USER,
    /** {@code arn:aws:iam::123456789012:role/Name}, when a role itself is named as the caller. */
    ROLE,
    /** A role session started by an application (Lambda, ECS, EC2 ...): {@code assumed-role/Role/session}. */
    ASSUMED_ROLE_SESSION,
    /** A person who signed in through an identity provider (Okta, Entra ID, IAM Identity Center). */
    FEDERATED_USER,
    /** A session opened by an AWS service on the customer's behalf, such as a Bedrock AgentCore runtime. */
    SERVICE_SESSION,
    /** The account's root user. */
    ROOT
}
