package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the keys of one YAML mapping, each typed and checked, with the environment overriding the file
 * and the caller's default filling in for both.
 *
 * <p>Every key a section reads is remembered, so that after reading, {@link #rejectUnknownKeys()}
 * names any key of the file nobody asked for (a misspelt key must never fall back to its default),
 * and {@link #rejectUnknownVariables(Set)} does the same for {@code SPENDLENS_} variables. A section
 * reader therefore reads every key it knows, always.
 *
 * <p>Errors name where the bad value came from (the file and line, or the variable) and the full key.
 */
final class ConfigSection {
    private final Document document;
    private final String path;
    private final Optional<YamlNode.Mapping> mapping;
    private final int line;
    private final boolean overridable;
    private final Set<String> keysRead = new LinkedHashSet<>();

    private ConfigSection(Document document, String path, Optional<YamlNode.Mapping> mapping, int line, boolean overridable) {
        this.document = document;
        this.path = path;
        this.mapping = mapping;
        this.line = line;
        this.overridable = overridable;
        document.sections.add(this);
    }

    /** The top of the configuration: the file if any, overridden by {@code SPENDLENS_} variables. */
    static ConfigSection configuration(Optional<Path> file, Map<String, String> environment) {
        Optional<YamlNode> root = file.map(path -> YamlNode.parse(path, ErrorCode.INVALID_CONFIG, "config file"));
        Document document = new Document(file, "config file", ErrorCode.INVALID_CONFIG, Map.copyOf(environment));
        return new ConfigSection(document, "", root.map(node -> document.mapping(node, "")), 1, true);
    }

    /** The top of a file that the environment does not override, such as the rules file. */
    static ConfigSection file(Path file, String what, ErrorCode errorCode) {
        YamlNode root = YamlNode.parse(file, errorCode, what);
        Document document = new Document(Optional.of(file), what, errorCode, Map.of());
        return new ConfigSection(document, "", Optional.of(document.mapping(root, "")), 1, false);
    }

    /** The name of the variable that overrides a key: {@code allocation.rules-file} -> {@code SPENDLENS_ALLOCATION_RULES_FILE}. */
    static String variableName(String key) {
        return ConfigLoader.VARIABLE_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key's full name, e.g. {@code allocation.rules-file}. */
    String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The keys the file sets in this section, in file order (for mappings whose keys are data, such as a rule's {@code set}). */
    List<String> keys() {
        return mapping.map(node -> List.copyOf(node.entries().keySet())).orElse(List.of());
    }

    /** A nested section, such as {@code ingest.s3}; its keys are overridden by the environment as this section's are. */
    ConfigSection section(String key) {
        return nested(key, overridable);
    }

    /**
     * A nested mapping whose keys are data rather than configuration keys, such as a rule's {@code set}:
     * read them with {@link #keys()}; the environment never overrides them.
     */
    ConfigSection entries(String key) {
        return nested(key, false);
    }

    private ConfigSection nested(String key, boolean nestedOverridable) {
        keysRead.add(key);
        Optional<YamlNode.Entry> entry = mapping.flatMap(node -> node.entry(key));
        if (entry.isPresent() && !(entry.get().value() instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            return new ConfigSection(document, key(key), Optional.of(document.mapping(entry.get().value(), key(key))), entry.get().line(), nestedOverridable);
        }
        return new ConfigSection(document, key(key), Optional.empty(), entry.map(YamlNode.Entry::line).orElse(line), nestedOverridable);
    }

    /** Any text, the empty string included. */
    String text(String key, String defaultValue) {
        return raw(key).map(value -> value.text(key(key))).orElse(defaultValue);
    }

    /** Text that must be set and not blank. */
    String requiredText(String key) {
        Optional<Raw> raw = raw(key);
        String text = raw.map(value -> value.text(key(key))).orElse("");
        if (text.isBlank()) {
            throw raw.map(value -> value.failure(key(key), "must not be empty"))
                    .orElseGet(() -> failure("'%s' is missing: add it".formatted(key)));
        }
        return text.strip();
    }

    /** Text, where absent and empty both mean "not set". */
    Optional<String> optionalText(String key) {
        return raw(key).map(value -> value.text(key(key)).strip()).filter(text -> !text.isEmpty());
    }

    int integer(String key, int defaultValue, int min, int max) {
        return raw(key).map(value -> {
            String text = value.text(key(key)).strip();
            try {
                int number = Integer.parseInt(text);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, with the range
            }
            throw value.failure(key(key), "must be a whole number from %d to %d, not '%s'".formatted(min, max, text));
        }).orElse(defaultValue);
    }

    boolean flag(String key, boolean defaultValue) {
        return raw(key).map(value -> {
            String text = value.text(key(key)).strip();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw value.failure(key(key), "must be true or false, not '%s'".formatted(text));
        }).orElse(defaultValue);
    }

    /**
     * Text turned into a value by {@code parser}, whose {@link SpendlensException} or {@link IllegalArgumentException}
     * becomes an error at the key's line or variable.
     */
    <T> T parsed(String key, T defaultValue, Function<String, T> parser) {
        return raw(key).map(value -> value.convert(key(key), value.text(key(key)).strip(), parser)).orElse(defaultValue);
    }

    /** Like {@link #parsed}, where absent and empty both mean "not set". */
    <T> Optional<T> optionalParsed(String key, Function<String, T> parser) {
        return raw(key).flatMap(value -> {
            String text = value.text(key(key)).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(value.convert(key(key), text, parser));
        });
    }

    /** A path; relative paths from the file resolve against the file's directory, from the environment against the working directory. */
    Path path(String key, Path defaultValue) {
        return optionalPath(key).orElse(defaultValue);
    }

    Optional<Path> optionalPath(String key) {
        return raw(key).flatMap(value -> {
            String text = value.text(key(key)).strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(value.resolve(Path.of(text)));
            } catch (InvalidPathException e) {
                throw value.failure(key(key), "is not a valid path: " + e.getMessage());
            }
        });
    }

    /** A list of text: a YAML sequence, or comma-separated in a variable. */
    List<String> texts(String key, List<String> defaultValue) {
        return list(key, defaultValue, item -> {
            throw item.failure("must be a list of single values, not of mappings");
        }, Function.identity());
    }

    /**
     * A list of places to read from: {@code scheme://...} URIs (such as {@code s3://bucket/prefix}) as written, and
     * local paths resolved like {@link #path} (a relative path in the file against the file's directory).
     */
    List<String> locations(String key, List<String> defaultValue) {
        Optional<Raw> raw = raw(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        List<String> locations = new ArrayList<>();
        for (String text : texts(key, defaultValue)) {
            String location = text.strip();
            if (location.isEmpty()) {
                throw raw.get().failure(key(key), "holds an empty entry: write a folder or an s3://bucket/prefix URI");
            }
            if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
                locations.add(location);
                continue;
            }
            try {
                locations.add(raw.get().resolve(Path.of(location)).toString());
            } catch (InvalidPathException e) {
                throw raw.get().failure(key(key), "'%s' is not a valid path: %s".formatted(location, e.getMessage()));
            }
        }
        return List.copyOf(locations);
    }

    /** A mapping of text to text: a YAML mapping, or {@code key=value,key=value} in a variable. */
    Map<String, String> textMap(String key, Map<String, String> defaultValue) {
        Optional<Raw> raw = raw(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (raw.get() instanceof Raw.FromEnvironment variable) {
            for (String pair : splitList(variable.value())) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw variable.failure(key(key), "must be written key=value,key=value; '%s' has no key=".formatted(pair));
                }
                values.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
            return Collections.unmodifiableMap(values);
        }
        ConfigSection section = entries(key);
        for (String entryKey : section.keys()) {
            values.put(entryKey, section.text(entryKey, ""));
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * A list whose items are mappings in the file, or single values ({@code fromText}) in the file or,
     * comma-separated, in a variable. Keys inside items are never overridden by the environment.
     */
    <T> List<T> list(String key, List<T> defaultValue, Function<ConfigSection, T> fromSection, Function<String, T> fromText) {
        Optional<Raw> raw = raw(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        List<T> items = new ArrayList<>();
        if (raw.get() instanceof Raw.FromEnvironment variable) {
            for (String item : splitList(variable.value())) {
                items.add(variable.convert(key(key), item, fromText));
            }
            return List.copyOf(items);
        }
        YamlNode node = ((Raw.FromFile) raw.get()).node();
        if (node instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            throw raw.get().failure(key(key), "must be a list, e.g. [a, b] or one '- item' per line");
        }
        for (int index = 0; index < sequence.items().size(); index++) {
            YamlNode item = sequence.items().get(index);
            String itemPath = "%s[%d]".formatted(key(key), index);
            Raw.FromFile itemRaw = new Raw.FromFile(document, item);
            if (item instanceof YamlNode.Mapping itemMapping) {
                items.add(fromSection.apply(new ConfigSection(document, itemPath, Optional.of(itemMapping), item.line(), false)));
            } else {
                items.add(itemRaw.convert(itemPath, itemRaw.text(itemPath), fromText));
            }
        }
        return List.copyOf(items);
    }

    /** Runs a check of a whole value, such as a list without duplicates, reporting its failure where the key was set. */
    <T> T checked(String key, T value, Consumer<T> check) {
        Optional<Raw> raw = raw(key);
        if (raw.isEmpty()) {
            check.accept(value);
            return value;
        }
        return raw.get().check(key(key), String.valueOf(value), () -> {
            check.accept(value);
            return value;
        });
    }

    /**
     * Runs a record constructor once the section's keys are read, turning its validation error into one that
     * says where the section is. An unknown key in the section is reported instead, being the likelier cause:
     * {@code sett: {team: x}} should not surface as "sets no dimension".
     */
    <T> T construct(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (SpendlensException e) {
            rejectUnknownKeys(this);
            throw new SpendlensException(document.errorCode, "%s: %s".formatted(where(), e.getMessage()), e);
        }
    }

    /** An error about this section, e.g. a missing key or one set to an unknown dimension. */
    SpendlensException failure(String message) {
        return new SpendlensException(document.errorCode, "%s: %s".formatted(where(), message));
    }

    /** An error about one key of this section, at the key's line. */
    SpendlensException failure(String key, String message) {
        return raw(key).map(value -> value.failure(key(key), message)).orElseGet(() -> failure("%s %s".formatted(key(key), message)));
    }

    /** Fails naming every key of the file that no section read. */
    void rejectUnknownKeys() {
        rejectUnknownKeys(null);
    }

    // Only sections within 'scope' when given: their keys must all have been read.
    private void rejectUnknownKeys(ConfigSection scope) {
        List<String> unknown = new ArrayList<>();
        for (ConfigSection section : document.sections) {
            if (scope != null && section != scope && !section.path.startsWith(scope.path + ".")) {
                continue;
            }
            section.mapping.ifPresent(node -> node.entries().values().stream()
                    .filter(entry -> !section.keysRead.contains(entry.key()))
                    .forEach(entry -> unknown.add("'%s' at line %d (%s takes %s)".formatted(section.key(entry.key()), entry.line(),
                            section.path.isEmpty() ? "the top level" : "'" + section.path + "'", String.join(", ", section.keysRead)))));
        }
        if (!unknown.isEmpty()) {
            throw new SpendlensException(document.errorCode, "%s %s: unknown key %s. Fix the spelling: an unknown key is never ignored."
                    .formatted(document.what, document.file.map(Path::toString).orElse(""), String.join("; ", unknown)));
        }
    }

    /** Fails naming any {@code SPENDLENS_} variable that overrides no key, except the given ones that are not keys. */
    void rejectUnknownVariables(Set<String> notKeys) {
        Set<String> unknown = new TreeSet<>();
        for (String variable : document.environment.keySet()) {
            if (variable.startsWith(ConfigLoader.VARIABLE_PREFIX) && !document.variables.containsKey(variable) && !notKeys.contains(variable)) {
                unknown.add(variable);
            }
        }
        if (!unknown.isEmpty()) {
            throw new SpendlensException(document.errorCode, "environment variable %s overrides no configuration key; unset it or use one of %s"
                    .formatted(String.join(", ", unknown), String.join(", ", new TreeSet<>(document.variables.keySet()))));
        }
    }

    /** Every variable that overrides a key read so far, with its key. */
    Map<String, String> variables() {
        return Collections.unmodifiableMap(document.variables);
    }

    private Optional<Raw> raw(String key) {
        keysRead.add(key);
        if (overridable) {
            String variable = variableName(key(key));
            String previous = document.variables.putIfAbsent(variable, key(key));
            if (previous != null && !previous.equals(key(key))) {
                throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "keys %s and %s share the variable %s".formatted(previous, key(key), variable));
            }
            String value = document.environment.get(variable);
            if (value != null) {
                return Optional.of(new Raw.FromEnvironment(document, variable, value));
            }
        }
        return mapping.flatMap(node -> node.entry(key)).map(entry -> new Raw.FromFile(document, entry.value(), entry.line()));
    }

    private String where() {
        return document.file.map(file -> "%s %s line %d (%s)".formatted(document.what, file, line, path.isEmpty() ? "top level" : path))
                .orElse("configuration " + (path.isEmpty() ? "" : "'" + path + "'"));
    }

    private static List<String> splitList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /** What all sections of one file share. */
    private static final class Document {
        final Optional<Path> file;
        final Path directory;
        final String what;
        final ErrorCode errorCode;
        final Map<String, String> environment;
        final List<ConfigSection> sections = new ArrayList<>();
        final Map<String, String> variables = new LinkedHashMap<>();

        Document(Optional<Path> file, String what, ErrorCode errorCode, Map<String, String> environment) {
            this.file = requireNonNull(file, "file is null");
            this.directory = file.map(path -> path.toAbsolutePath().getParent()).orElse(Path.of(""));
            this.what = requireNonNull(what, "what is null");
            this.errorCode = requireNonNull(errorCode, "errorCode is null");
            this.environment = requireNonNull(environment, "environment is null");
        }

        YamlNode.Mapping mapping(YamlNode node, String path) {
            if (node instanceof YamlNode.Mapping mapping) {
                return mapping;
            }
            throw new SpendlensException(errorCode, "%s %s line %d: %s must be a mapping of key: value lines"
                    .formatted(what, file.map(Path::toString).orElse(""), node.line(), path.isEmpty() ? "the file" : "'" + path + "'"));
        }
    }

    /** A value as written, in the file or in a variable, that knows how to report itself. */
    private sealed interface Raw permits Raw.FromFile, Raw.FromEnvironment {
        String text(String key);

        Path resolve(Path path);

        String origin();

        Document document();

        default SpendlensException failure(String key, String message) {
            return new SpendlensException(document().errorCode, "%s: %s %s".formatted(origin(), key, message));
        }

        default <T> T convert(String key, String text, Function<String, T> parser) {
            return check(key, text, () -> parser.apply(text));
        }

        default <T> T check(String key, String shown, Supplier<T> value) {
            try {
                return value.get();
            } catch (SpendlensException e) {
                // Our own checks already say what is wrong, usually naming the key.
                String message = e.getMessage().startsWith(key) ? e.getMessage() : key + ": " + e.getMessage();
                throw new SpendlensException(document().errorCode, "%s: %s".formatted(origin(), message), e);
            } catch (IllegalArgumentException e) {
                throw failure(key, "'%s' is not valid: %s".formatted(shown, e.getMessage()));
            }
        }

        record FromFile(Document document, YamlNode node, int line) implements Raw {
            FromFile(Document document, YamlNode node) {
                this(document, node, node.line());
            }

            @Override
            public String text(String key) {
                if (node instanceof YamlNode.Scalar scalar) {
                    return scalar.text();
                }
                throw failure(key, "must be a single value, not a %s".formatted(node instanceof YamlNode.Sequence ? "list" : "mapping"));
            }

            @Override
            public Path resolve(Path path) {
                return document.directory.resolve(path).normalize();
            }

            @Override
            public String origin() {
                return "%s %s line %d".formatted(document.what, document.file.map(Path::toString).orElse(""), line);
            }
        }

        record FromEnvironment(Document document, String variable, String value) implements Raw {
            @Override
            public String text(String key) {
                return value;
            }

            @Override
            public Path resolve(Path path) {
                return path;
            }

            @Override
            public String origin() {
                return "environment variable " + variable;
            }
        }
    }
}
