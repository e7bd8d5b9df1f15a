package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.PrincipalRule;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.principal.PrincipalParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrincipalRulesFileTest {
    private static final List<AllocationDimension> DIMENSIONS = AllocationDimension.defaults();

    @TempDir
    Path directory;

    @Test
    void readsRulesInFileOrder() throws IOException {
        Path file = write("""
                rules:
                  - name: notebooks
                    match:
                      arn: "arn:aws:sts::*:assumed-role/SageMaker*/*"
                      session: "regex:.*@acme\\\\.example"
                    set: {team: data-science, cost-center: "4410"}
                  - name: api-keys
                    match: {arn: "arn:aws:iam::*:user/BedrockAPIKey-*"}
                    set:
                      Team: platform
                      project: 7
                """);

        List<PrincipalRule> rules = PrincipalRulesFile.read(file, DIMENSIONS);

        assertThat(rules).extracting(PrincipalRule::name).containsExactly("notebooks", "api-keys");
        PrincipalRule notebooks = rules.get(0);
        assertThat(notebooks.arn()).map(pattern -> pattern.text()).contains("arn:aws:sts::*:assumed-role/SageMaker*/*");
        assertThat(notebooks.session()).map(pattern -> pattern.text()).contains("regex:.*@acme\\.example");
        assertThat(notebooks.values()).isEqualTo(Map.of("team", "data-science", "cost-center", "4410"));
        assertThat(notebooks.matches(PrincipalParser.parse("arn:aws:sts::123456789012:assumed-role/SageMakerExecution/kim@acme.example"))).isTrue();
        assertThat(notebooks.matches(PrincipalParser.parse("arn:aws:sts::123456789012:assumed-role/SageMakerExecution/kim@other.example"))).isFalse();
        assertThat(rules.get(1).values()).isEqualTo(Map.of("team", "platform", "project", "7"));
        assertThat(rules.get(1).session()).isEmpty();
    }

    @Test
    void anEmptyFileHasNoRules() throws IOException {
        assertThat(PrincipalRulesFile.read(write(""), DIMENSIONS)).isEmpty();
        assertThat(PrincipalRulesFile.read(write("rules: []\n"), DIMENSIONS)).isEmpty();
    }

    @Test
    void acceptsARuleForAConfiguredCustomDimension() throws IOException {
        Path file = write("rules:\n  - {name: labs, match: {arn: \"*\"}, set: {department: research}}\n");

        assertThat(PrincipalRulesFile.read(file, List.of(AllocationDimension.named("department"))).get(0).values())
                .isEqualTo(Map.of("department", "research"));
    }

    @Test
    void rejectsARuleSettingADimensionThatIsNotConfigured() throws IOException {
        Path file = write("""
                rules:
                  - name: labs
                    match: {arn: "*"}
                    set:
                      team: research
                      department: research
                """);

        assertThatThrownBy(() -> PrincipalRulesFile.read(file, DIMENSIONS))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULES))
                .hasMessage("rules file %s line 6: rules[0].set.department is not an allocation dimension: use one of team, project, "
                        + "cost-center, application, or add it to allocation.dimensions", file);
    }

    // rules file | what the message must say after the file name
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "rules:\\n  - name: a\\n    match: {arn: x}\\n    sett: {team: t}\\n"         | unknown key 'rules[0].sett' at line 4
            "rules:\\n  - name: a\\n    match: {ar: x, arn: y}\\n    set: {team: t}\\n" | unknown key 'rules[0].match.ar' at line 3
            "rule:\\n  - name: a\\n"                                                   | unknown key 'rule' at line 1
            "rules:\\n  - match: {arn: x}\\n    set: {team: t}\\n"                      | line 2 (rules[0]): 'name' is missing: add it
            "rules:\\n  - name: a\\n    set: {team: t}\\n"                              | line 2 (rules[0]): rule 'a' must match on 'arn', 'session' or both
            "rules:\\n  - name: a\\n    match: {arn: x}\\n"                             | line 2 (rules[0]): rule 'a' sets no dimension
            "rules:\\n  - name: a\\n    match: {arn: x}\\n    set: {team: }\\n"         | line 4: rules[0].set.team must not be empty
            "rules:\\n  - name: a\\n    match:\\n      session: 'regex:[a-'\\n    set: {team: t}\\n" | line 4: rules[0].match.session: pattern 'regex:[a-' is not a valid regular expression
            "rules:\\n  - name: a\\n    match: {arn: x}\\n    set: {team: t}\\n  - name: a\\n    match: {arn: y}\\n    set: {team: u}\\n" | rules [1] is named 'a' like rules[0]
            "rules:\\n  - notebooks\\n"                                                | line 2: rules[0] 'notebooks' is not valid: each rule is a mapping
            "rules: notebooks\\n"                                                      | line 1: rules must be a list
            "rules:\\n  - name: a\\n    match: arn\\n"                                 | line 3: 'rules[0].match' must be a mapping
            "rules:\\n  - name: [a, b]\\n"                                             | line 2: rules[0].name must be a single value, not a list
            "rules:\\n  - name: a\\n  match: {arn: x}\\n"                              | not valid YAML
            """)
    void rejectsAMalformedRulesFileNamingTheLine(String content, String message) throws IOException {
        Path file = write(content.replace("\\n", "\n"));

        assertThatThrownBy(() -> PrincipalRulesFile.read(file, DIMENSIONS))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULES))
                .hasMessageContaining("rules file " + file)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAMissingFile() {
        Path missing = directory.resolve("missing.yaml");

        assertThatThrownBy(() -> PrincipalRulesFile.read(missing, DIMENSIONS))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RULES))
                .hasMessageContaining("rules file " + missing + " does not exist");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("rules.yaml"), content);
    }
}
