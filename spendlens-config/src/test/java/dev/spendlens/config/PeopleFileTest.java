package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.PeopleDirectory;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeopleFileTest {
    private static final List<AllocationDimension> DIMENSIONS = AllocationDimension.defaults();

    @TempDir
    Path directory;

    @Test
    void readsOnePersonPerRowWithQuotedFields() throws IOException {
        Path file = write("""
                email,team,Cost-Center,project
                Jane.Doe@acme.example,data-science,4410,"search, ranking"
                pat@acme.example,"the ""core"" team",,
                "kim@acme.example","platform
                and tools",5120,billing
                """);

        PeopleDirectory people = PeopleFile.read(file, DIMENSIONS);

        assertThat(people.size()).isEqualTo(3);
        assertThat(people.value("jane.doe@acme.example", "team")).contains("data-science");
        assertThat(people.value("JANE.DOE@ACME.EXAMPLE", "cost-center")).contains("4410");
        assertThat(people.value("jane.doe@acme.example", "project")).contains("search, ranking");
        assertThat(people.value("pat@acme.example", "team")).contains("the \"core\" team");
        assertThat(people.value("pat@acme.example", "cost-center")).isEmpty();
        assertThat(people.value("kim@acme.example", "team")).contains("platform\nand tools");
        assertThat(people.value("kim@acme.example", "project")).contains("billing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "person", "user", "userName", "login", " EMAIL "})
    void acceptsEveryNameOfThePersonColumn(String header) throws IOException {
        PeopleDirectory people = PeopleFile.read(write(header + ",team\njdoe,search\n"), DIMENSIONS);

        assertThat(people.value("jdoe", "team")).contains("search");
    }

    @Test
    void readsSpreadsheetExportsWithByteOrderMarkCrlfAndBlankLines() throws IOException {
        Path file = directory.resolve("people.csv");
        Files.write(file, "\uFEFFemail,team\r\n\r\njane@acme.example,search\r\n,\r\n".getBytes(StandardCharsets.UTF_8));

        PeopleDirectory people = PeopleFile.read(file, DIMENSIONS);

        assertThat(people.size()).isEqualTo(1);
        assertThat(people.value("jane@acme.example", "team")).contains("search");
    }

    @Test
    void aHeaderAloneIsAnEmptyDirectory() throws IOException {
        assertThat(PeopleFile.read(write("email,team,project\n"), DIMENSIONS).size()).isZero();
    }

    @Test
    void readsColumnsOfConfiguredCustomDimensions() throws IOException {
        PeopleDirectory people = PeopleFile.read(write("login,department\njdoe,research\n"), List.of(AllocationDimension.named("department")));

        assertThat(people.value("jdoe", "department")).contains("research");
    }

    @Test
    void rejectsAColumnThatIsNotADimensionNamingIt() throws IOException {
        Path file = write("email,team,region\njane@acme.example,search,eu\n");

        assertThatThrownBy(() -> PeopleFile.read(file, DIMENSIONS))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessage("people file %s line 1: column 'region' is not an allocation dimension: use team, project, cost-center, application, "
                        + "or add it to allocation.dimensions", file);
    }

    // file content | what the message must say after the file name
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'name,team\\njane,search\\n'                                   | line 1: the first column is 'name'; it must be the person
            'email,team,TEAM\\njane,search,ml\\n'                          | line 1: column 'TEAM' appears twice
            'email,team\\njane,search\\nbob\\n'                            | line 3: 1 fields, but the header has 2
            'email,team\\n"multi\\nline",search\\nbob,ml,extra\\n'         | line 4: 3 fields, but the header has 2
            'email,team\\njane,search\\n"bob,ml\\n'                        | line 3: a quoted field starts here and is never closed
            'email,team\\njane,sea"rch\\n'                                 | line 2: a quote inside an unquoted field
            'email,team\\n"jane"x,search\\n'                               | line 2: text after a closing quote
            'email,team\\n ,search\\n'                                     | line 2: the person (column 'email') is empty
            'email,team\\nJane@acme.example,search\\njane@ACME.example,ml\\n' | line 3: 'jane@ACME.example' is listed again (first at line 2)
            ''                                                            | line 1: the file is empty
            """)
    void rejectsAMalformedPeopleFileNamingTheLine(String content, String message) throws IOException {
        Path file = write(content.replace("\\n", "\n"));

        assertThatThrownBy(() -> PeopleFile.read(file, DIMENSIONS))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("people file " + file)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAFileThatIsNotUtf8() throws IOException {
        Path file = directory.resolve("people.csv");
        Files.write(file, "email,team\nm\u00FCller@acme.example,search\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> PeopleFile.read(file, DIMENSIONS)).hasMessageContaining("is not UTF-8");
    }

    @Test
    void rejectsAMissingFile() {
        Path missing = directory.resolve("missing.csv");

        assertThatThrownBy(() -> PeopleFile.read(missing, DIMENSIONS))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("people file " + missing + " does not exist");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("people.csv"), content);
    }
}
