package dev.spendlens.finance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.allocation.AllocationPolicy;
import dev.spendlens.allocation.Allocator;
import dev.spendlens.allocation.PrincipalPattern;
import dev.spendlens.allocation.PrincipalRule;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Governance of a generated organisation (3 months, 40 principals), whose ground truth has
 * misspelt team tags, untagged people, people sharing federated roles and a newcomer API key.
 */
class GovernanceServiceTest {
    @TempDir
    static Path folder;
    static GeneratedOrganisation organisation;
    static GovernanceReport report;

    @BeforeAll
    static void ingest() {
        organisation = new GeneratedOrganisation(folder, 3, 40, 42);
        organisation.ingestFinal();
        // A rule that says the churn-scoring roles belong to search, while their tags say data-science.
        PrincipalRule rule = new PrincipalRule("churn-to-search", Optional.of(PrincipalPattern.of("arn:aws:sts::*:assumed-role/ChurnScoring*/*")), Optional.empty(),
                Map.of("team", "search"));
        Allocator allocator = new Allocator(AllocationPolicy.defaults().withRules(List.of(rule), AllocationPolicy.defaults().people()));
        report = new GovernanceService(new StoreAccess(organisation.store, allocator, GeneratedOrganisation.CLOCK)).report(organisation.lastMonth());
    }

    @AfterAll
    static void close() {
        organisation.close();
    }

    @Test
    void everyDimensionsUnallocatedShareIsPartOfTheTotal() {
        assertThat(report.shares()).extracting(GovernanceReport.DimensionShare::dimension).containsExactly("team", "project", "cost-center", "application");
        for (GovernanceReport.DimensionShare share : report.shares()) {
            assertThat(share.unallocated().add(share.noCaller())).isLessThanOrEqualTo(report.total());
        }
        assertThat(report.findings(Finding.Kind.UNALLOCATED_SHARE)).isNotEmpty().allSatisfy(finding -> assertThat(finding.action()).isNotBlank());
    }

    @Test
    void ranksPrincipalsWithoutTeamBySpendAndSaysWhatToDo() {
        List<Finding> findings = report.findings(Finding.Kind.PRINCIPAL_WITHOUT_TEAM);

        assertThat(findings).isNotEmpty();
        assertThat(findings).extracting(Finding::cost).isSortedAccordingTo((left, right) -> right.compareTo(left));
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.subject()).startsWith("arn:aws:");
            assertThat(finding.action()).containsAnyOf("tag", "people file");
        });
    }

    @Test
    void findsTheTeamWrittenSeveralWays() {
        assertThat(report.findings(Finding.Kind.TAG_SPELLINGS))
                .anySatisfy(finding -> {
                    assertThat(finding.subject()).isEqualTo("team=data-science");
                    assertThat(finding.detail()).containsAnyOf("'DataScience'", "'data_science'");
                    assertThat(finding.action()).contains("retag");
                });
    }

    @Test
    void findsRolesSharedByPeopleOfSeveralTeams() {
        assertThat(report.findings(Finding.Kind.SHARED_ROLE)).anySatisfy(finding -> {
            assertThat(finding.subject()).isIn("BedrockAnalysts", finding.subject().startsWith("AWSReservedSSO_") ? finding.subject() : "");
            assertThat(finding.detail()).containsPattern("\\d+ people use this role");
            assertThat(finding.action()).contains("session tag");
        });
    }

    @Test
    void findsTheNewcomerAndNoApplicationSessions() {
        List<Finding> findings = report.findings(Finding.Kind.NEW_PRINCIPAL);

        assertThat(findings).anySatisfy(finding -> assertThat(finding.subject()).contains("user/BedrockAPIKey-"));
        assertThat(findings).noneSatisfy(finding -> assertThat(finding.subject()).contains("BedrockAgentCore-"));
    }

    @Test
    void findsTagsTheRulesContradict() {
        List<Finding> findings = report.findings(Finding.Kind.RULE_CONTRADICTS_TAG);

        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.subject()).contains("assumed-role/ChurnScoring");
            assertThat(finding.detail()).contains("team=data-science").contains("rule 'churn-to-search' says search");
            assertThat(finding.cost()).isGreaterThan(BigDecimal.ZERO);
        });
    }
}
