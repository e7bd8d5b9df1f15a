package dev.spendlens.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.principal.PrincipalParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocatorTest {
    private static final String APPLICATION = "arn:aws:sts::123456789012:assumed-role/ChatbotRole/i-0abc123";
    private static final String JANE = "arn:aws:sts::123456789012:assumed-role/BedrockRole/Jane.Doe@acme.example";
    private static final String NOTEBOOK = "arn:aws:sts::123456789012:assumed-role/SageMakerExecution/Kim@acme.example";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";

    // principal   | tags (';'-separated key=value)                                              | team         | source
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            principal tags beat resource and account tags      | iamPrincipal/team=ml;resourceTags/team=search;accountTag/team=platform | ml       | tag:iamPrincipal/team
            resource tags beat account tags                    | resourceTags/team=search;accountTag/team=platform                      | search   | tag:resourceTags/team
            user attributes beat account tags                  | userAttribute/team=finance;accountTag/team=platform                    | finance  | tag:userAttribute/team
            account tags speak when nothing closer does        | accountTag/team=platform                                               | platform | tag:accountTag/team
            cost categories come last                          | costCategory/team=shared;accountTag/team=platform                      | platform | tag:accountTag/team
            a blank principal tag is no evidence               | iamPrincipal/team= ;resourceTags/team=search                           | search   | tag:resourceTags/team
            keys match whatever their case                     | iamPrincipal/Team=ml                                                   | ml       | tag:iamPrincipal/Team
            prefixes match whatever their case                 | IAMPRINCIPAL/TEAM=ml                                                   | ml       | tag:IAMPRINCIPAL/TEAM
            an unprefixed key is not a CUR 2.0 tag             | team=ml                                                                | __unallocated__ | unallocated
            """)
    void picksTheTagOfTheHighestPrecedenceSource(String description, String tags, String team, String source) {
        AllocatedValue value = allocate(AllocationPolicy.defaults(), callBy(APPLICATION).tags(tags)).value("team");

        assertThat(value.value()).isEqualTo(team);
        assertThat(value.source().describe()).isEqualTo(source);
    }

    @Test
    void aChangedPrecedenceChangesTheWinner() {
        //  principal   | iamPrincipal/team | accountTag/team | precedence              -> team
        //  application | ml                | platform        | accountTag, iamPrincipal -> platform
        AllocationPolicy accountFirst = policy().precedence(TagSource.ACCOUNT_TAG, TagSource.IAM_PRINCIPAL).build();
        SubjectBuilder subject = callBy(APPLICATION).tag("iamPrincipal/team", "ml").tag("accountTag/team", "platform");

        assertThat(allocate(accountFirst, subject).value("team").value()).isEqualTo("platform");
        assertThat(allocate(AllocationPolicy.defaults(), subject).value("team").value()).isEqualTo("ml");
    }

    @Test
    void ignoresSourcesLeftOutOfThePrecedence() {
        AllocationPolicy principalOnly = policy().precedence(TagSource.IAM_PRINCIPAL).build();

        Allocation allocation = allocate(principalOnly, callBy(APPLICATION).tag("resourceTags/team", "search"));

        assertThat(allocation.value("team").value()).isEqualTo(ReservedBucket.UNALLOCATED.label());
    }

    // principal   | tags                                                  | cost-center
    // application | resourceTags/costcenter=4410                          | 4410 (second tag key)
    // application | iamPrincipal/cost_center=5120, resourceTags/cost-center=4410 | 5120 (source precedence before key order)
    @Test
    void triesEachTagKeyOfADimension() {
        Allocation fallbackKey = allocate(AllocationPolicy.defaults(), callBy(APPLICATION).tag("resourceTags/costcenter", "4410"));
        Allocation closerSource = allocate(AllocationPolicy.defaults(),
                callBy(APPLICATION).tag("iamPrincipal/cost_center", "5120").tag("resourceTags/cost-center", "4410"));

        assertThat(fallbackKey.value("cost-center").value()).isEqualTo("4410");
        assertThat(fallbackKey.value("cost-center").source().describe()).isEqualTo("tag:resourceTags/costcenter");
        assertThat(closerSource.value("cost-center").value()).isEqualTo("5120");
        assertThat(closerSource.value("cost-center").source().describe()).isEqualTo("tag:iamPrincipal/cost_center");
    }

    @Test
    void prefersTheKeySpelledAsConfiguredWhenCaseVariantsDisagree() {
        // iamPrincipal/Team=ml and iamPrincipal/team=ds activated side by side: 'team' is configured.
        Allocation allocation = allocate(AllocationPolicy.defaults(), callBy(APPLICATION).tag("iamPrincipal/Team", "ml").tag("iamPrincipal/team", "ds"));

        assertThat(allocation.value("team").source().describe()).isEqualTo("tag:iamPrincipal/team");
    }

    @Test
    void choosesTheSmallestKeyWhenNoCaseVariantIsSpelledAsConfigured() {
        for (int attempt = 0; attempt < 20; attempt++) {
            Allocation allocation = allocate(AllocationPolicy.defaults(),
                    callBy(APPLICATION).tag("iamPrincipal/Team", "ml").tag("iamPrincipal/TEAM", "ds").tag("iamPrincipal/tEAM", ""));

            assertThat(allocation.value("team").source().describe()).isEqualTo("tag:iamPrincipal/TEAM");
        }
    }

    @Test
    void aBlankCaseVariantDoesNotHideAValue() {
        Allocation allocation = allocate(AllocationPolicy.defaults(), callBy(APPLICATION).tag("iamPrincipal/TEAM", " ").tag("iamPrincipal/Team", "ml"));

        assertThat(allocation.value("team").value()).isEqualTo("ml");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            DataScience      | data-science
            data_science     | data-science
            data-science     | data-science
            'Data Science'   | data-science
            DATA_SCIENCE     | data-science
            ds               | data-science
            DS               | data-science
            ML               | machine-learning
            4410             | 4410
            """)
    void normalisesTagValuesIntoOneBucket(String tagged, String expected) {
        AllocationPolicy normalising = policy().normalization(new ValueNormalization(true, Map.of("ds", "data-science", "ml", "machine-learning"))).build();

        assertThat(allocate(normalising, callBy(APPLICATION).tag("iamPrincipal/team", tagged)).value("team").value()).isEqualTo(expected);
    }

    @Test
    void keepsValuesAsTaggedWhenNormalisationIsOff() {
        AllocationPolicy asTagged = policy().normalization(new ValueNormalization(false, Map.of("ds", "data-science"))).build();

        assertThat(allocate(asTagged, callBy(APPLICATION).tag("iamPrincipal/team", " DataScience ")).value("team").value()).isEqualTo("DataScience");
        assertThat(allocate(asTagged, callBy(APPLICATION).tag("iamPrincipal/team", "ds")).value("team").value()).isEqualTo("data-science");
        assertThat(allocate(asTagged, callBy(APPLICATION).tag("iamPrincipal/team", "DS")).value("team").value()).isEqualTo("DS");
    }

    // principal             | tags                | people directory              | team
    // Jane (federated)      | none                | jane.doe@acme.example -> ds   | data-science (people:)
    // Jane (federated)      | iamPrincipal/team=ml| jane.doe@acme.example -> ds   | ml (tags first)
    // alice (IAM user)      | none                | alice -> search               | search
    @Test
    void asksThePeopleDirectoryForAFederatedPersonWhenTagsAreSilent() {
        AllocationPolicy withPeople = policy().people(Map.of(
                "Jane.Doe@Acme.example", Map.of("team", "ds", "project", ""),
                "alice", Map.of("team", "Search"))).normalization(new ValueNormalization(true, Map.of("ds", "data-science"))).build();

        Allocation jane = allocate(withPeople, callBy(JANE));
        Allocation tagged = allocate(withPeople, callBy(JANE).tag("iamPrincipal/team", "ml"));
        Allocation alice = allocate(withPeople, callBy(ALICE));

        assertThat(jane.value("team").value()).isEqualTo("data-science");
        assertThat(jane.value("team").source().describe()).isEqualTo("people:jane.doe@acme.example");
        assertThat(jane.value("project").value()).isEqualTo(ReservedBucket.UNALLOCATED.label());
        assertThat(tagged.value("team").value()).isEqualTo("ml");
        assertThat(alice.value("team").value()).isEqualTo("search");
    }

    @Test
    void neverAsksThePeopleDirectoryAboutAnApplicationSession() {
        AllocationPolicy withPeople = policy().people(Map.of("i-0abc123", Map.of("team", "ds"))).build();

        assertThat(allocate(withPeople, callBy(APPLICATION)).value("team").value()).isEqualTo(ReservedBucket.UNALLOCATED.label());
    }

    // rule       | arn                                              | session                  | sets
    // notebooks  | arn:aws:sts::*:assumed-role/SageMaker*/*          | regex:.*@acme\.example   | team=data-science, cost-center=4410
    // chatbot    | *:assumed-role/ChatbotRole/*                      |                          | team=support
    // everyone   | arn:aws:*                                         |                          | team=shared, project=general
    @Test
    void appliesTheFirstMatchingRuleThatSetsTheDimension() {
        AllocationPolicy withRules = policy().rules(
                rule("notebooks", "arn:aws:sts::*:assumed-role/SageMaker*/*", "regex:.*@acme\\.example", "team", "data-science", "cost-center", "4410"),
                rule("chatbot", "*:assumed-role/chatbotrole/*", null, "team", "support"),
                rule("everyone", "arn:aws:*", null, "team", "shared", "project", "general")).build();

        Allocation notebook = allocate(withRules, callBy(NOTEBOOK));
        Allocation chatbot = allocate(withRules, callBy(APPLICATION));
        Allocation alice = allocate(withRules, callBy(ALICE));

        assertThat(notebook.value("team").value()).isEqualTo("data-science");
        assertThat(notebook.value("team").source().describe()).isEqualTo("rule:notebooks");
        assertThat(notebook.value("cost-center").value()).isEqualTo("4410");
        // 'notebooks' matches but sets no project: the next rule that does speaks.
        assertThat(notebook.value("project").source().describe()).isEqualTo("rule:everyone");
        assertThat(chatbot.value("team").source().describe()).isEqualTo("rule:chatbot");
        assertThat(alice.value("team").source().describe()).isEqualTo("rule:everyone");
    }

    @Test
    void aSessionPatternNeverMatchesACallerWithoutSession() {
        AllocationPolicy withRules = policy().rules(rule("anyone-with-a-session", null, "*", "team", "sessions")).build();

        assertThat(allocate(withRules, callBy(ALICE)).value("team").value()).isEqualTo(ReservedBucket.UNALLOCATED.label());
        assertThat(allocate(withRules, callBy(APPLICATION)).value("team").value()).isEqualTo("sessions");
    }

    @Test
    void consultsThePeopleDirectoryBeforeTheRules() {
        AllocationPolicy both = policy()
                .people(Map.of("kim@acme.example", Map.of("team", "research")))
                .rules(rule("notebooks", "*SageMaker*", null, "team", "data-science"))
                .build();

        assertThat(allocate(both, callBy(NOTEBOOK)).value("team").source().describe()).isEqualTo("people:kim@acme.example");
    }

    // principal | call? | tags                    | team
    // none      | yes   | none                    | __unallocated__
    // app       | yes   | none                    | __unallocated__
    // none      | no    | none                    | __unattributed_no_caller__
    // none      | no    | resourceTags/team=search| search
    @Test
    void putsChargesWithoutEvidenceInTheReservedBuckets() {
        AllocationPolicy policy = AllocationPolicy.defaults();

        AllocatedValue anonymousCall = allocate(policy, callWithoutCaller()).value("team");
        AllocatedValue unexplainedCall = allocate(policy, callBy(APPLICATION)).value("team");
        AllocatedValue provisioned = allocate(policy, chargeWithoutCaller()).value("team");
        AllocatedValue taggedProvisioned = allocate(policy, chargeWithoutCaller().tag("resourceTags/team", "search")).value("team");

        assertThat(anonymousCall.value()).isEqualTo("__unallocated__");
        assertThat(anonymousCall.source().describe()).isEqualTo("unallocated");
        assertThat(unexplainedCall.value()).isEqualTo("__unallocated__");
        assertThat(provisioned.value()).isEqualTo("__unattributed_no_caller__");
        assertThat(provisioned.source().describe()).isEqualTo("no-caller");
        assertThat(taggedProvisioned.value()).isEqualTo("search");
    }

    @Test
    void allocatesEveryDimensionInPolicyOrder() {
        Allocation allocation = allocate(AllocationPolicy.defaults(), callBy(APPLICATION));

        assertThat(allocation.values().keySet()).containsExactly("team", "project", "cost-center", "application");
        assertThatThrownBy(() -> allocation.value("region")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
    }

    @Test
    void describesEverySourceCompactly() {
        assertThat(new AllocationSource(AllocationSource.Kind.TAG, "iamPrincipal/team").describe()).isEqualTo("tag:iamPrincipal/team");
        assertThat(new AllocationSource(AllocationSource.Kind.PEOPLE_DIRECTORY, "jane@acme.example").describe()).isEqualTo("people:jane@acme.example");
        assertThat(new AllocationSource(AllocationSource.Kind.RULE, "notebooks").describe()).isEqualTo("rule:notebooks");
        assertThat(new AllocationSource(AllocationSource.Kind.UNALLOCATED, "").describe()).isEqualTo("unallocated");
        assertThat(new AllocationSource(AllocationSource.Kind.NO_CALLER, "").describe()).isEqualTo("no-caller");
    }

    private static Allocation allocate(AllocationPolicy policy, SubjectBuilder subject) {
        return new Allocator(policy).allocate(subject.build());
    }

    private static SubjectBuilder callBy(String arn) {
        return new SubjectBuilder(Optional.of(arn), true);
    }

    private static SubjectBuilder callWithoutCaller() {
        return new SubjectBuilder(Optional.empty(), true);
    }

    private static SubjectBuilder chargeWithoutCaller() {
        return new SubjectBuilder(Optional.empty(), false);
    }

    /** A rule from its name, ARN and session patterns (null for none) and dimension/value pairs. */
    private static PrincipalRule rule(String name, String arn, String session, String... dimensionValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < dimensionValues.length; i += 2) {
            values.put(dimensionValues[i], dimensionValues[i + 1]);
        }
        return new PrincipalRule(name, Optional.ofNullable(arn).map(PrincipalPattern::of), Optional.ofNullable(session).map(PrincipalPattern::of), values);
    }

    private static PolicyBuilder policy() {
        return new PolicyBuilder();
    }

    private static final class SubjectBuilder {
        private final Optional<String> arn;
        private final boolean callCharge;
        private final Map<String, String> tags = new LinkedHashMap<>();

        SubjectBuilder(Optional<String> arn, boolean callCharge) {
            this.arn = arn;
            this.callCharge = callCharge;
        }

        SubjectBuilder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /** Tags written {@code key=value;key=value}. */
        SubjectBuilder tags(String keyValues) {
            for (String pair : keyValues.split(";")) {
                int equals = pair.indexOf('=');
                tag(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
            return this;
        }

        AllocationSubject build() {
            return new AllocationSubject(arn.map(PrincipalParser::parse), tags, callCharge);
        }
    }

    private static final class PolicyBuilder {
        private List<TagSource> precedence = List.of(TagSource.values());
        private ValueNormalization normalization = ValueNormalization.standard();
        private final List<PrincipalRule> rules = new ArrayList<>();
        private PeopleDirectory people = PeopleDirectory.empty();

        PolicyBuilder precedence(TagSource... sources) {
            precedence = Arrays.asList(sources);
            return this;
        }

        PolicyBuilder normalization(ValueNormalization value) {
            normalization = value;
            return this;
        }

        PolicyBuilder rules(PrincipalRule... values) {
            rules.addAll(Arrays.asList(values));
            return this;
        }

        PolicyBuilder people(Map<String, Map<String, String>> directory) {
            people = new PeopleDirectory(directory);
            return this;
        }

        AllocationPolicy build() {
            return new AllocationPolicy(AllocationDimension.defaults(), precedence, normalization, rules, people);
        }
    }
}
