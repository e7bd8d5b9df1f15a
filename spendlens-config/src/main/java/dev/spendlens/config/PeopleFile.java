package dev.spendlens.config;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.PeopleDirectory;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the people file: UTF-8 CSV exported from an identity provider, a header row, then one person
 * per row. The first column is the person (headed {@code email}, {@code person}, {@code user},
 * {@code userName} or {@code login}), the others are allocation dimensions, named in the header.
 * <pre>
 * email,team,cost-center
 * jane.doe@acme.example,data-science,4410
 * "o'brien, pat",platform,
 * </pre>
 * An empty cell gives no value for that dimension. Every error names the file and line.
 */
final class PeopleFile {
    private static final Set<String> PERSON_HEADERS = Set.of("email", "person", "user", "username", "login");

    private PeopleFile() {}

    static PeopleDirectory read(Path file, List<AllocationDimension> dimensions) {
        List<CsvParser.Record> rows = CsvParser.parse(text(file), "people file " + file).stream().filter(record -> !record.blank()).toList();
        if (rows.isEmpty()) {
            throw failure(file, 1, "the file is empty: start with a header row such as email,team");
        }
        CsvParser.Record header = rows.get(0);
        List<String> columns = columns(file, header, dimensions);

        Map<String, Map<String, String>> people = new LinkedHashMap<>();
        Map<String, Integer> lineOfPerson = new HashMap<>();
        for (CsvParser.Record row : rows.subList(1, rows.size())) {
            if (row.fields().size() != header.fields().size()) {
                throw failure(file, row.line(), "%d fields, but the header has %d: every row needs one per column (leave a cell empty for no value)"
                        .formatted(row.fields().size(), header.fields().size()));
            }
            String person = row.fields().get(0).strip();
            if (person.isEmpty()) {
                throw failure(file, row.line(), "the person (column '%s') is empty".formatted(header.fields().get(0).strip()));
            }
            Integer previous = lineOfPerson.putIfAbsent(person.toLowerCase(Locale.ROOT), row.line());
            if (previous != null) {
                throw failure(file, row.line(), "'%s' is listed again (first at line %d): keep one row per person".formatted(person, previous));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int column = 1; column < columns.size(); column++) {
                String value = row.fields().get(column).strip();
                if (!value.isEmpty()) {
                    values.put(columns.get(column), value);
                }
            }
            people.put(person, values);
        }
        return new PeopleDirectory(people);
    }

    // The dimension name of each column; the first column is the person.
    private static List<String> columns(Path file, CsvParser.Record header, List<AllocationDimension> dimensions) {
        List<String> names = header.fields().stream().map(String::strip).toList();
        if (!PERSON_HEADERS.contains(names.get(0).toLowerCase(Locale.ROOT))) {
            throw failure(file, header.line(), "the first column is '%s'; it must be the person, headed email, person, user, userName or login"
                    .formatted(names.get(0)));
        }
        Map<String, String> known = new LinkedHashMap<>();
        dimensions.forEach(dimension -> known.put(dimension.name().toLowerCase(Locale.ROOT), dimension.name()));
        List<String> columns = new ArrayList<>();
        columns.add(names.get(0));
        for (String name : names.subList(1, names.size())) {
            String dimension = known.get(name.toLowerCase(Locale.ROOT));
            if (dimension == null) {
                throw failure(file, header.line(), "column '%s' is not an allocation dimension: use %s, or add it to allocation.dimensions"
                        .formatted(name, String.join(", ", known.values())));
            }
            if (columns.contains(dimension)) {
                throw failure(file, header.line(), "column '%s' appears twice".formatted(name));
            }
            columns.add(dimension);
        }
        return columns;
    }

    private static String text(Path file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            // Spreadsheets often start UTF-8 files with a byte order mark.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "people file %s does not exist: check allocation.people-file".formatted(file), e);
        } catch (CharacterCodingException e) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "people file %s is not UTF-8: export it as CSV UTF-8".formatted(file), e);
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "cannot read people file %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    private static SpendlensException failure(Path file, int line, String message) {
        return new SpendlensException(ErrorCode.INVALID_CONFIG, "people file %s line %d: %s".formatted(file, line, message));
    }
}
