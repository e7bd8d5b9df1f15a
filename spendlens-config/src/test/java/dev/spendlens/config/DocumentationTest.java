package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md and spendlens.example.yaml in step with the code. Tests run in the module's directory. */
class DocumentationTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("SPENDLENS_[A-Z0-9_]*[A-Z0-9]");
    private static final Map<String, String> KEYS_BY_VARIABLE = keysByVariable();

    @Test
    void theExampleFileSetsEveryKeyToItsDefault() throws IOException {
        Path example = REPOSITORY.resolve("spendlens.example.yaml");

        SpendlensConfig defaults = SpendlensConfig.defaults();
        // Written in a file, the default store path is relative to the file rather than to the working directory.
        StoreConfig store = new StoreConfig(example.toAbsolutePath().getParent().resolve(defaults.store().path()).normalize(),
                defaults.store().memoryLimit(), defaults.store().threads());
        BudgetsConfig budgets = new BudgetsConfig(defaults.budgets().channels(), defaults.budgets().toOwner(),
                example.toAbsolutePath().getParent().resolve(defaults.budgets().policyDirectory()).normalize());

        assertThat(ConfigLoader.load(Optional.of(example), Map.of()))
                .isEqualTo(new SpendlensConfig(store, defaults.ingest(), defaults.allocation(), defaults.server(), defaults.privacy(), defaults.currency(),
                        defaults.chargeback(), budgets, defaults.alerts(), defaults.anomalies()));
        assertThat(Files.readString(example)).contains(variables().stream().map(DocumentationTest::keyOf).map(DocumentationTest::lastPart).toList());
    }

    @Test
    void theGuideDocumentsEveryVariableAndOnlyRealOnes() throws IOException {
        String guide = Files.readString(REPOSITORY.resolve("docs/configuration.md"));
        Set<String> mentioned = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(guide);
        while (matcher.find()) {
            mentioned.add(matcher.group());
        }

        for (String variable : variables()) {
            assertThat(guide).as("the row of %s", variable).contains("| `%s` |".formatted(keyOf(variable)));
            assertThat(guide).contains("`" + variable + "`");
        }
        mentioned.remove(ConfigLoader.CONFIG_FILE_VARIABLE);
        mentioned.remove(ConfigLoader.JAVA_OPTIONS_VARIABLE);
        assertThat(variables()).containsAll(mentioned);
    }

    // Reading the defaults visits every key, and so names every variable.
    private static Map<String, String> keysByVariable() {
        ConfigSection root = ConfigSection.configuration(Optional.empty(), Map.of());
        SpendlensConfig.read(root);
        return root.variables();
    }

    private static Set<String> variables() {
        return KEYS_BY_VARIABLE.keySet();
    }

    private static String keyOf(String variable) {
        return KEYS_BY_VARIABLE.get(variable);
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1) + ":";
    }

}
