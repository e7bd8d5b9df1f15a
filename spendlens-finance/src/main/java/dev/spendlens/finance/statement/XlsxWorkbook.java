package dev.spendlens.finance.statement;

import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal Office Open XML spreadsheet writer: sheets of rows of text and exact numbers, bold
 * headers, and number formats. Written by hand (a zip of six small XML parts) so that the product
 * needs no spreadsheet library; the tests read the result with Apache POI.
 */
public final class XlsxWorkbook {
    private static final Pattern SHEET_NAME_FORBIDDEN = Pattern.compile("[\\\\/?*\\[\\]:]");
    // Cell styles, indexes into cellXfs of styles.xml below.
    private static final int STYLE_TEXT = 0;
    private static final int STYLE_BOLD = 1;
    private static final int STYLE_MONEY = 2;
    private static final int STYLE_COUNT = 3;
    private static final int STYLE_MONEY_BOLD = 4;
    private static final int STYLE_PRICE = 5;

    private final List<Sheet> sheets = new ArrayList<>();

    /** A cell: text, or an exact number with a format. */
    public record Cell(String text, BigDecimal number, int style) {
        public static Cell text(String value) {
            return new Cell(requireNonNull(value, "value is null"), null, STYLE_TEXT);
        }

        public static Cell bold(String value) {
            return new Cell(requireNonNull(value, "value is null"), null, STYLE_BOLD);
        }

        /** Money with two decimals; the cell holds the exact value given. */
        public static Cell money(BigDecimal value) {
            return new Cell(null, requireNonNull(value, "value is null"), STYLE_MONEY);
        }

        public static Cell moneyBold(BigDecimal value) {
            return new Cell(null, requireNonNull(value, "value is null"), STYLE_MONEY_BOLD);
        }

        public static Cell count(BigDecimal value) {
            return new Cell(null, requireNonNull(value, "value is null"), STYLE_COUNT);
        }

        public static Cell price(BigDecimal value) {
            return new Cell(null, requireNonNull(value, "value is null"), STYLE_PRICE);
        }

        public static Cell empty() {
            return text("");
        }
    }

    /** One worksheet. */
    public static final class Sheet {
        private final String name;
        private final List<List<Cell>> rows = new ArrayList<>();

        private Sheet(String name) {
            this.name = name;
        }

        public Sheet row(Cell... cells) {
            rows.add(List.of(cells));
            return this;
        }

        public Sheet row(List<Cell> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }
    }

    /** Adds a sheet; Excel allows 31 characters and no {@code \ / ? * [ ] :}. */
    public Sheet sheet(String name) {
        String cleaned = SHEET_NAME_FORBIDDEN.matcher(name).replaceAll("-");
        cleaned = cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
        for (Sheet existing : sheets) {
            if (existing.name.equalsIgnoreCase(cleaned)) {
                throw new IllegalArgumentException("two sheets named " + cleaned);
            }
        }
        Sheet sheet = new Sheet(cleaned);
        sheets.add(sheet);
        return sheet;
    }

    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            part(zip, "[Content_Types].xml", contentTypes());
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            part(zip, "xl/workbook.xml", workbook());
            part(zip, "xl/_rels/workbook.xml.rels", workbookRelationships());
            part(zip, "xl/styles.xml", STYLES);
            for (int i = 0; i < sheets.size(); i++) {
                part(zip, "xl/worksheets/sheet%d.xml".formatted(i + 1), sheetXml(sheets.get(i)));
            }
        } catch (IOException e) {
            throw new SpendlensException(ErrorCode.INTERNAL_ERROR, "writing the spreadsheet failed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (int i = 1; i <= sheets.size(); i++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet%d.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>".formatted(i));
        }
        return xml.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (int i = 0; i < sheets.size(); i++) {
            xml.append("<sheet name=\"%s\" sheetId=\"%d\" r:id=\"rId%d\"/>".formatted(escape(sheets.get(i).name), i + 1, i + 1));
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (int i = 1; i <= sheets.size(); i++) {
            xml.append("<Relationship Id=\"rId%d\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%d.xml\"/>"
                    .formatted(i, i));
        }
        xml.append("<Relationship Id=\"rId%d\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                .formatted(sheets.size() + 1));
        return xml.append("</Relationships>").toString();
    }

    private static String sheetXml(Sheet sheet) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (int r = 0; r < sheet.rows.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            List<Cell> cells = sheet.rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                String reference = column(c) + (r + 1);
                if (cell.number() != null) {
                    xml.append("<c r=\"%s\" s=\"%d\"><v>%s</v></c>".formatted(reference, cell.style(), cell.number().toPlainString()));
                } else if (!cell.text().isEmpty()) {
                    xml.append("<c r=\"%s\" s=\"%d\" t=\"inlineStr\"><is><t xml:space=\"preserve\">%s</t></is></c>".formatted(reference, cell.style(), escape(cell.text())));
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    /** A, B, ..., Z, AA, AB, ... */
    static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int value = index + 1; value > 0; value = (value - 1) / 26) {
            name.insert(0, (char) ('A' + (value - 1) % 26));
        }
        return name.toString();
    }

    // XML 1.0 forbids most control characters even escaped: they are dropped.
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    // Built-in number formats: 3 is #,##0 and 4 is #,##0.00; 164 is our price per million tokens.
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0000"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="6">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>""";
}
