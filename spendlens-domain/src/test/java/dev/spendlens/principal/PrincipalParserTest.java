package dev.spendlens.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalParserTest {

    // Every ARN form of bedrock-billing-data.md section 1. An empty cell is an empty Optional.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # arn                                                                                    | type                 | partition  | account      | path                              | name                                      | session                                                | person              | roleName
            arn:aws:iam::123456789012:user/alice                                                     | IAM_USER             | aws        | 123456789012 | /                                 | alice                                     |                                                        | alice               |
            arn:aws:iam::123456789012:user/BedrockAPIKey-234s                                        | API_KEY_USER         | aws        | 123456789012 | /                                 | BedrockAPIKey-234s                        |                                                        |                     |
            arn:aws:iam::123456789012:user/engineering/bob                                           | IAM_USER             | aws        | 123456789012 | /engineering/                     | bob                                       |                                                        | bob                 |
            arn:aws:iam::123456789012:role/teams/ds/Analyst                                          | ROLE                 | aws        | 123456789012 | /teams/ds/                        | Analyst                                   |                                                        |                     | Analyst
            arn:aws:iam::123456789012:role/Role-1                                                    | ROLE                 | aws        | 123456789012 | /                                 | Role-1                                    |                                                        |                     | Role-1
            arn:aws:sts::123456789012:assumed-role/Role-1/session-123                                | ASSUMED_ROLE_SESSION | aws        | 123456789012 | /                                 | Role-1                                    | session-123                                            |                     | Role-1
            arn:aws:sts::123456789012:assumed-role/BedrockRole/user-1@acme.org                       | FEDERATED_USER       | aws        | 123456789012 | /                                 | BedrockRole                               | user-1@acme.org                                        | user-1@acme.org     | BedrockRole
            arn:aws:sts::123456789012:assumed-role/BedrockRole/Jane.Doe@Acme.org                     | FEDERATED_USER       | aws        | 123456789012 | /                                 | BedrockRole                               | Jane.Doe@Acme.org                                      | jane.doe@acme.org   | BedrockRole
            arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_DataScientist_0a1b2c3d4e5f6a7b/jdoe | FEDERATED_USER       | aws        | 123456789012 | /                                 | AWSReservedSSO_DataScientist_0a1b2c3d4e5f6a7b | jdoe                                               | jdoe                | AWSReservedSSO_DataScientist_0a1b2c3d4e5f6a7b
            arn:aws:sts::123456789012:assumed-role/AgentRuntimeRole/BedrockAgentCore-3f2b8c1e-9d4a-4e57-b0c6-1a2b3c4d5e6f | SERVICE_SESSION | aws | 123456789012 | / | AgentRuntimeRole                         | BedrockAgentCore-3f2b8c1e-9d4a-4e57-b0c6-1a2b3c4d5e6f |                     | AgentRuntimeRole
            arn:aws:sts::123456789012:federated-user/Carol                                           | FEDERATED_USER       | aws        | 123456789012 | /                                 | Carol                                     | Carol                                                  | carol               |
            arn:aws:iam::123456789012:root                                                           | ROOT                 | aws        | 123456789012 | /                                 | root                                      |                                                        |                     |
            arn:aws-cn:iam::210987654321:user/li.wei                                                 | IAM_USER             | aws-cn     | 210987654321 | /                                 | li.wei                                    |                                                        | li.wei              |
            arn:aws-us-gov:sts::123456789012:assumed-role/GovAnalyst/batch-job-7                     | ASSUMED_ROLE_SESSION | aws-us-gov | 123456789012 | /                                 | GovAnalyst                                | batch-job-7                                            |                     | GovAnalyst
            """)
    void decodesEveryBilledArnForm(String arn, PrincipalType type, String partition, String account, String path, String name,
                                   String session, String person, String roleName) {
        Principal principal = PrincipalParser.parse(arn);

        assertThat(principal.arn()).isEqualTo(arn);
        assertThat(principal.type()).isEqualTo(type);
        assertThat(principal.partition()).isEqualTo(partition);
        assertThat(principal.accountId()).isEqualTo(account);
        assertThat(principal.path()).isEqualTo(path);
        assertThat(principal.name()).isEqualTo(name);
        assertThat(principal.sessionName()).isEqualTo(Optional.ofNullable(session));
        assertThat(principal.person()).isEqualTo(Optional.ofNullable(person));
        assertThat(principal.roleName()).isEqualTo(Optional.ofNullable(roleName));
    }

    @Test
    void keepsTheIdentityCenterRolePathOfARoleArn() {
        Principal principal = PrincipalParser.parse("arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0a1b2c3d");

        assertThat(principal.type()).isEqualTo(PrincipalType.ROLE);
        assertThat(principal.path()).isEqualTo("/aws-reserved/sso.amazonaws.com/");
        assertThat(principal.name()).isEqualTo("AWSReservedSSO_Admin_0a1b2c3d");
    }

    @Test
    void treatsAnEmailSessionOfAnIdentityCenterRoleAsThatPerson() {
        Principal principal = PrincipalParser.parse("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_0a1b2c3d/Ann@Acme.example");

        assertThat(principal.type()).isEqualTo(PrincipalType.FEDERATED_USER);
        assertThat(principal.person()).contains("ann@acme.example");
    }

    @Test
    void stripsSurroundingWhitespaceFromTheArn() {
        Principal principal = PrincipalParser.parse("  arn:aws:iam::123456789012:user/alice \n");

        assertThat(principal.arn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(principal.name()).isEqualTo("alice");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "",
            "   ",
            "not an arn",
            "arn:aws:s3:::my-bucket",
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
            "arn:aws:iam::12345678901:user/alice",
            "arn:aws:iam::1234567890123:user/alice",
            "arn:aws:iam:us-east-1:123456789012:user/alice",
            "arn:aws:sts::123456789012:assumed-role/Role-1",
            "arn:aws:sts::123456789012:assumed-role/Role-1/",
            "arn:aws:sts::123456789012:assumed-role//session",
            "arn:aws:sts::123456789012:federated-user/",
            "arn:aws:sts::123456789012:user/alice",
            "arn:aws:iam::123456789012:assumed-role/Role-1/session",
            "arn:aws:iam::123456789012:group/admins",
            "arn:aws:iam::123456789012:user/",
            "arn:aws:iam::123456789012:role/teams/",
            "arn:gcp:iam::123456789012:user/alice",
    })
    void rejectsMalformedArnsQuotingThem(String arn) {
        assertThatThrownBy(() -> PrincipalParser.parse(arn))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_PRINCIPAL_ARN))
                .hasMessageContaining("'" + arn + "'");
    }

    @Test
    void saysWhatAnAssumedRoleArnNeeds() {
        assertThatThrownBy(() -> PrincipalParser.parse("arn:aws:sts::123456789012:assumed-role/Role-1"))
                .hasMessageContaining("assumed-role/<role>/<session>");
    }
}
