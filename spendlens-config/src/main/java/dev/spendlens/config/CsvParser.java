package dev.spendlens.config;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV text into records: fields separated by commas, optionally in double quotes,
 * where a quoted field may hold commas, line breaks and doubled quotes ({@code ""}). Lines end in
 * CRLF, LF or CR. Each record keeps the line it starts on, for error messages.
 */
final class CsvParser {
    /** One record and the 1-based line it starts on. */
    record Record(int line, List<String> fields) {
        Record {
            fields = List.copyOf(requireNonNull(fields, "fields is null"));
        }

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private CsvParser() {}

    /**
     * Splits the text into records.
     *
     * @param source what the text is, for messages: {@code people file /etc/spendlens/people.csv}
     */
    static List<Record> parse(String text, String source) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        boolean fieldStarted = false;

        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    field.append('\n');
                    line++;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(new Record(recordLine, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                afterClosingQuote = false;
                fieldStarted = false;
                line++;
                recordLine = line;
            } else if (c == '"') {
                if (field.length() > 0 || afterClosingQuote) {
                    throw malformed(source, line, "a quote inside an unquoted field: put the whole field in quotes and double the quote, as in \"say \"\"hi\"\"\"");
                }
                inQuotes = true;
                quoteLine = line;
                fieldStarted = true;
            } else {
                if (afterClosingQuote) {
                    throw malformed(source, line, "text after a closing quote: the quote must end the field, right before a comma or the end of the line");
                }
                field.append(c);
                fieldStarted = true;
            }
        }
        if (inQuotes) {
            throw malformed(source, quoteLine, "a quoted field starts here and is never closed: add the closing quote");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, fields));
        }
        return List.copyOf(records);
    }

    private static SpendlensException malformed(String source, int line, String message) {
        return new SpendlensException(ErrorCode.INVALID_CONFIG, "%s line %d: %s".formatted(source, line, message));
    }
}
