package dev.spendlens.finance.statement;

import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The formats a statement is written in, and their media types. */
public enum StatementFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    HTML("text/html; charset=utf-8", "html"),
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    StatementFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static StatementFormat parse(String text) {
        for (StatementFormat format : values()) {
            if (format.extension.equalsIgnoreCase(text.strip())) {
                return format;
            }
        }
        throw new SpendlensException(ErrorCode.INVALID_ARGUMENT, "format '%s' is not one of csv, xlsx, html, json".formatted(text));
    }

    /** The statement in this format; JSON is written by the callers that speak it. */
    public byte[] write(Statement statement, Optional<ConvertedStatement> display) {
        return switch (this) {
            case CSV -> StatementCsv.write(statement, display).getBytes(StandardCharsets.UTF_8);
            case XLSX -> StatementXlsx.write(statement, display);
            case HTML -> StatementHtml.write(statement, display).getBytes(StandardCharsets.UTF_8);
            case JSON -> throw new IllegalStateException("JSON statements are written by StatementJson");
        };
    }

    /** {@code chargeback-2026-09-cost-center.xlsx}. */
    public String fileName(Statement statement) {
        return "chargeback-%s-%s.%s".formatted(statement.month(), statement.dimension().toLowerCase(Locale.ROOT), extension);
    }
}
