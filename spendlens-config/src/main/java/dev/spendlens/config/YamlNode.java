package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document as a tree whose nodes remember their line, so that every configuration error can
 * point at the line to fix. Built from Jackson's streaming parser rather than a {@code JsonNode},
 * which forgets where values came from.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
    YAMLFactory FACTORY = YAMLFactory.builder().build();

    /** The 1-based line where the node starts. */
    int line();

    /** A single value; {@code key:} and {@code key: null} are empty and {@link #isNull()}. */
    record Scalar(String text, boolean isNull, int line) implements YamlNode {
        public Scalar {
            requireNonNull(text, "text is null");
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(requireNonNull(items, "items is null"));
        }
    }

    /** A mapping in file order; each entry keeps the line of its key. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(entries, "entries is null")));
        }

        public Optional<Entry> entry(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    record Entry(String key, int line, YamlNode value) {
        public Entry {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * Reads one YAML document. An empty file is an empty mapping.
     *
     * @param errorCode the code of every error, e.g. {@link ErrorCode#INVALID_CONFIG}
     * @param what what the file is, for messages: {@code config file}, {@code rules file}
     */
    static YamlNode parse(Path file, ErrorCode errorCode, String what) {
        if (!Files.isRegularFile(file)) {
            throw new SpendlensException(errorCode, "%s %s does not exist or is not a file: check the path".formatted(what, file));
        }
        try (JsonParser parser = FACTORY.createParser(file.toFile())) {
            if (parser.nextToken() == null) {
                return new Mapping(Map.of(), 1);
            }
            YamlNode root = read(parser, file, errorCode, what);
            if (parser.nextToken() != null) {
                throw new SpendlensException(errorCode, "%s %s line %d: a second YAML document starts here; keep one document per file"
                        .formatted(what, file, parser.currentTokenLocation().getLineNr()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SpendlensException(errorCode, "%s %s line %d: not valid YAML: %s"
                    .formatted(what, file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()), e);
        } catch (NoSuchFileException e) {
            throw new SpendlensException(errorCode, "%s %s does not exist: check the path".formatted(what, file), e);
        } catch (IOException e) {
            throw new SpendlensException(errorCode, "cannot read %s %s: %s".formatted(what, file, e.getMessage()), e);
        }
    }

    private static YamlNode read(JsonParser parser, Path file, ErrorCode errorCode, String what) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                Entry previous = entries.putIfAbsent(key, new Entry(key, keyLine, read(parser, file, errorCode, what)));
                if (previous != null) {
                    // Jackson would keep the last value silently; a repeated key is almost always a mistake.
                    throw new SpendlensException(errorCode, "%s %s line %d: key '%s' is repeated (first at line %d); keep one"
                            .formatted(what, file, keyLine, key, previous.line()));
                }
            }
            return new Mapping(entries, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, file, errorCode, what));
            }
            return new Sequence(items, line);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new Scalar("", true, line);
        }
        return new Scalar(parser.getText(), false, line);
    }
}
