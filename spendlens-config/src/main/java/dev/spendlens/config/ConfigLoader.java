package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@link SpendlensConfig} from {@code spendlens.yaml} and the environment.
 *
 * <ul>
 *   <li>Keys are kebab-case; a key missing from the file keeps its documented default, and no file at
 *       all means every default.</li>
 *   <li>A variable named {@code SPENDLENS_} + the key path upper-cased, with {@code .} and {@code -}
 *       turned into {@code _}, overrides the key: {@code allocation.rules-file} ->
 *       {@code SPENDLENS_ALLOCATION_RULES_FILE}. Lists are comma-separated; an empty value clears an
 *       optional setting.</li>
 *   <li>Relative paths in the file resolve against the file's directory; relative paths in variables
 *       against the working directory.</li>
 *   <li>A key the configuration does not know, and a {@code SPENDLENS_} variable that overrides no key,
 *       are errors: a typo must never fall back to a default silently.</li>
 * </ul>
 */
public final class ConfigLoader {
    /** The prefix of every variable that overrides a key. */
    public static final String VARIABLE_PREFIX = "SPENDLENS_";
    /** Names the configuration file; read by {@link #configFile(Map)}, not a key. */
    public static final String CONFIG_FILE_VARIABLE = "SPENDLENS_CONFIG";
    /** The JVM options of the {@code ./spendlens} launcher (heap size and the like); read by the script, not a key. */
    public static final String JAVA_OPTIONS_VARIABLE = "SPENDLENS_JAVA_OPTS";

    private ConfigLoader() {}

    /**
     * Loads and checks the configuration.
     *
     * @param file {@code spendlens.yaml}, or empty for defaults and the environment only
     * @param environment the process environment, usually {@link System#getenv()}
     * @throws dev.spendlens.error.SpendlensException {@code INVALID_CONFIG}, naming the file and line or the variable
     */
    public static SpendlensConfig load(Optional<Path> file, Map<String, String> environment) {
        requireNonNull(file, "file is null");
        requireNonNull(environment, "environment is null");
        ConfigSection root = ConfigSection.configuration(file, environment);
        SpendlensConfig config = SpendlensConfig.read(root);
        root.rejectUnknownKeys();
        root.rejectUnknownVariables(Set.of(CONFIG_FILE_VARIABLE, JAVA_OPTIONS_VARIABLE));
        return config;
    }

    /** The file {@value #CONFIG_FILE_VARIABLE} names, if it is set and not empty. */
    public static Optional<Path> configFile(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(CONFIG_FILE_VARIABLE)).map(String::strip).filter(value -> !value.isEmpty()).map(Path::of);
    }

    /** The variable that overrides a key: {@code store.path} -> {@code SPENDLENS_STORE_PATH}. */
    public static String variableName(String key) {
        return ConfigSection.variableName(key);
    }
}
