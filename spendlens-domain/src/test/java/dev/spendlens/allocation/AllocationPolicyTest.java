package dev.spendlens.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AllocationPolicyTest {

    @Test
    void defaultsToFourDimensionsPrincipalTagsFirstAndNormalisedValues() {
        AllocationPolicy policy = AllocationPolicy.defaults();

        assertThat(policy.dimensions()).extracting(AllocationDimension::name).containsExactly("team", "project", "cost-center", "application");
        assertThat(policy.dimension("cost-center")).map(AllocationDimension::tagKeys).contains(List.of("cost-center", "costcenter", "cost_center"));
        assertThat(policy.dimension("application")).map(AllocationDimension::tagKeys).contains(List.of("application", "app"));
        assertThat(policy.precedence()).containsExactly(
                TagSource.IAM_PRINCIPAL, TagSource.RESOURCE_TAGS, TagSource.USER_ATTRIBUTE, TagSource.ACCOUNT_TAG, TagSource.COST_CATEGORY);
        assertThat(policy.normalization()).isEqualTo(ValueNormalization.standard());
        assertThat(policy.rules()).isEmpty();
        assertThat(policy.people().size()).isZero();
    }

    @Test
    void rejectsARuleThatSetsAnUnknownDimension() {
        PrincipalRule rule = new PrincipalRule("notebooks", Optional.of(PrincipalPattern.of("*")), Optional.empty(), Map.of("department", "research"));

        assertThatThrownBy(() -> AllocationPolicy.defaults().withRules(List.of(rule), PeopleDirectory.empty()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULES))
                .hasMessageContaining("'notebooks'").hasMessageContaining("'department'");
    }

    @Test
    void rejectsADimensionListedTwice() {
        assertThatThrownBy(() -> new AllocationPolicy(List.of(AllocationDimension.named("team"), AllocationDimension.named("team")),
                List.of(TagSource.values()), ValueNormalization.standard(), List.of(), PeopleDirectory.empty()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("'team' is listed twice");
    }

    @Test
    void rejectsATagSourceListedTwice() {
        assertThatThrownBy(() -> new AllocationPolicy(AllocationDimension.defaults(), List.of(TagSource.IAM_PRINCIPAL, TagSource.IAM_PRINCIPAL),
                ValueNormalization.standard(), List.of(), PeopleDirectory.empty()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    }

    @Test
    void rejectsDimensionNamesThatAreNotLowerCaseWithDashes() {
        assertThatThrownBy(() -> AllocationDimension.named("Cost Center"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("'Cost Center'");
        assertThatThrownBy(() -> new AllocationDimension("team", List.of())).hasMessageContaining("at least one tag key");
    }

    @Test
    void rejectsARuleWithoutPatternOrValues() {
        assertThatThrownBy(() -> new PrincipalRule("empty", Optional.empty(), Optional.empty(), Map.of("team", "x")))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULES))
                .hasMessageContaining("'arn', 'session' or both");
        assertThatThrownBy(() -> new PrincipalRule("silent", Optional.of(PrincipalPattern.of("*")), Optional.empty(), Map.of()))
                .hasMessageContaining("sets no dimension");
    }

    @Test
    void readsTagSourcesByTheirPrefixName() {
        assertThat(TagSource.fromName(" IAMPRINCIPAL ")).isEqualTo(TagSource.IAM_PRINCIPAL);
        assertThat(TagSource.fromName("costCategory")).isEqualTo(TagSource.COST_CATEGORY);
        assertThat(TagSource.ofKey("resourceTags/team")).contains(TagSource.RESOURCE_TAGS);
        assertThat(TagSource.ofKey("user_project")).isEmpty();
        assertThatThrownBy(() -> TagSource.fromName("principalTags"))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("iamPrincipal, resourceTags, userAttribute, accountTag, costCategory");
    }
}
