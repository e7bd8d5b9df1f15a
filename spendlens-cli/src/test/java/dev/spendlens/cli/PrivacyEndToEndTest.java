package dev.spendlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spendlens.config.ConfigLoader;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.duckdb.DuckDbStore;
import dev.spendlens.duckdb.StoreSettings;
import dev.spendlens.principal.Principal;
import dev.spendlens.principal.PrincipalParser;
import dev.spendlens.principal.PrincipalType;
import dev.spendlens.server.ServerContext;
import dev.spendlens.server.ServerSettings;
import dev.spendlens.server.SpendlensServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code privacy.pseudonymize-people} on, no person's e-mail address or IAM user name appears
 * in any output: the commands' tables, CSV, JSON, HTML and XLSX, the deny policies, and the REST API.
 * The export is ingested with privacy off first, so the test also shows that switching it on rebuilds
 * the stored allocations.
 */
class PrivacyEndToEndTest {
    private static final String KEY = "a-test-pseudonym-key-of-32-characters-or-more";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;
    static Map<String, String> plain;
    static Map<String, String> private_;
    /** Every person's e-mail address, and every IAM user ARN of a person, as billed. */
    static Set<String> people = new LinkedHashSet<>();
    static List<String> outputs = new ArrayList<>();
    /** A person whose team no tag names, so that the people file decides it. */
    static String untagged;

    @BeforeAll
    static void ingestWithoutPrivacyAndCollectThePeople() throws Exception {
        Path store = folder.resolve("store/spendlens.duckdb");
        plain = Map.of("SPENDLENS_STORE_PATH", store.toString());
        assertThat(CliRun.of(plain, "generate", "--out", folder.resolve("export").toString(), "--months", "3", "--principals", "24", "--granularity", "DAILY",
                "--seed", "13").exitCode()).isZero();
        CliRun ingest = CliRun.of(plain, "ingest", folder.resolve("export").toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        try (DuckDbStore duck = DuckDbStore.open(StoreSettings.at(store)); Connection connection = duck.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT principal FROM allocation_keys WHERE principal <> ''")) {
            while (rows.next()) {
                Principal principal = PrincipalParser.parse(rows.getString(1));
                if (principal.person().isPresent()) {
                    people.add(principal.type() == PrincipalType.IAM_USER ? principal.arn() : principal.sessionName().orElseThrow());
                }
            }
            try (ResultSet untaggedPeople = statement.executeQuery("SELECT min(person) FROM allocations WHERE dim_team = '__unallocated__' AND person LIKE '%@%'")) {
                untaggedPeople.next();
                untagged = untaggedPeople.getString(1);
            }
        }
        assertThat(untagged).contains("@");
        assertThat(people).anySatisfy(person -> assertThat(person).contains("@acme.example")).anySatisfy(person -> assertThat(person).contains(":user/"));
        // Without privacy, people are shown by name: the check below can see them.
        assertThat(CliRun.of(plain, "report", "--from", "2026-08-01", "--to", "2026-11-01", "--group-by", "PERSON").out()).contains("@acme.example");

        Path peopleFile = folder.resolve("people.csv");
        Files.writeString(peopleFile, "email,team\n" + untagged + ",people-file-team\n");
        Map<String, String> environment = new HashMap<>(plain);
        environment.put("SPENDLENS_PRIVACY_PSEUDONYMIZE_PEOPLE", "true");
        environment.put("SPENDLENS_PRIVACY_PSEUDONYM_KEY", KEY);
        environment.put("SPENDLENS_ALLOCATION_PEOPLE_FILE", peopleFile.toString());
        environment.put("SPENDLENS_CURRENCY_DISPLAY", "EUR");
        environment.put("SPENDLENS_CURRENCY_EXCHANGE_RATES", "2026-01-01:USD:EUR:0.9");
        environment.put("SPENDLENS_BUDGETS_POLICY_DIR", folder.resolve("policies").toString());
        private_ = Map.copyOf(environment);
    }

    private static String run(String... args) {
        CliRun run = CliRun.of(private_, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        outputs.add(run.out());
        outputs.add(run.err());
        return run.out();
    }

    private static void assertNoPerson(String what, String text) {
        for (String person : people) {
            assertThat(text).as("%s names %s", what, person).doesNotContainIgnoringCase(person);
        }
        assertThat(text).as(what).doesNotContain("@acme.example");
    }

    @Test
    void noCommandOutputNamesAPerson() throws Exception {
        Path xlsx = folder.resolve("statement.xlsx");
        String persons = run("report", "--from", "2026-08-01", "--to", "2026-11-01", "--group-by", "PERSON,PRINCIPAL", "--format", "csv");
        assertThat(persons).contains("person-");
        run("report", "--from", "2026-08-01", "--to", "2026-11-01", "--group-by", "PRINCIPAL", "--format", "json");
        run("report", "--from", "2026-10-01", "--to", "2026-11-01", "--group-by", "PERSON");
        run("forecast", "--group-by", "PRINCIPAL", "--as-of", "2026-10-15");
        run("forecast", "--group-by", "PERSON", "--format", "json");
        run("forecast", "--group-by", "PRINCIPAL", "--format", "csv");
        for (String format : List.of("table", "csv", "html", "json")) {
            run("chargeback", "--month", "2026-10", "--by", "team", "--format", format);
        }
        run("chargeback", "--month", "2026-10", "--format", "xlsx", "--out", xlsx.toString());
        outputs.add(xlsxText(Files.readAllBytes(xlsx)));
        run("governance", "--month", "2026-10", "--format", "json");
        run("governance", "--month", "2026-10", "--top", "1000");
        run("budgets", "add", "--name", "everyone", "--amount", "1", "--threshold", "50%", "--hard-limit", "100%");
        run("budgets", "status", "--format", "json", "--as-of", "2026-10-20");
        run("budgets", "burn-down", "everyone", "--as-of", "2026-10-20");
        run("budgets", "check", "--as-of", "2026-10-20");
        try (Stream<Path> policies = Files.list(folder.resolve("policies"))) {
            for (Path policy : policies.toList()) {
                outputs.add(Files.readString(policy));
            }
        }
        assertThat(String.join("\n", outputs)).contains("Deny").contains("person-");

        for (String output : outputs) {
            assertNoPerson("a command's output", output);
        }
    }

    @Test
    void theStoredAllocationsWereRebuiltWithPseudonyms() throws SQLException {
        run("report", "--from", "2026-10-01", "--to", "2026-11-01", "--group-by", "team");
        try (DuckDbStore duck = DuckDbStore.open(StoreSettings.at(Path.of(private_.get("SPENDLENS_STORE_PATH")))); Connection connection = duck.connect();
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                        SELECT count(*) FILTER (WHERE principal LIKE '%@%' OR person LIKE '%@%' OR session_name LIKE '%@%' OR src_team LIKE '%@%'),
                               count(*) FILTER (WHERE src_team LIKE 'people:person-%')
                        FROM allocations""")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            assertThat(rows.getLong(2)).as("the people file's value names its person by pseudonym").isPositive();
        }
    }

    @Test
    void noRestAnswerNamesAPerson() throws Exception {
        SpendlensConfig config = ConfigLoader.load(Optional.empty(), private_);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
        Map<String, String> answers = new LinkedHashMap<>();
        try (CliContext context = new CliContext(System.out, System.err, private_);
                SpendlensServer server = SpendlensServer.start(ServerSettings.loopback(0), new ServerContext(context.store(new StoreOptions()),
                        config.allocator(), clock, context.finance(new StoreOptions())))) {
            String base = server.url();
            answers.put("cost-and-usage", post(base + "api/v1/cost-and-usage", """
                    {"TimePeriod": {"Start": "2026-08-01", "End": "2026-11-01"}, "Metrics": ["UnblendedCost"],
                     "GroupBy": [{"Type": "DIMENSION", "Key": "PERSON"}, {"Type": "DIMENSION", "Key": "PRINCIPAL"}]}"""));
            answers.put("cost-forecast", post(base + "api/v1/cost-forecast", """
                    {"TimePeriod": {"Start": "2026-11-01", "End": "2026-12-01"}, "Metric": "UNBLENDED_COST", "Granularity": "MONTHLY",
                     "GroupBy": [{"Type": "DIMENSION", "Key": "PRINCIPAL"}], "MaxGroups": 100}"""));
            answers.put("projections", post(base + "api/v1/cost-forecast/projections", """
                    {"GroupBy": [{"Type": "DIMENSION", "Key": "PERSON"}], "AsOf": "2026-10-15"}"""));
            for (String format : List.of("json", "csv", "html")) {
                answers.put("chargeback " + format, get(base + "api/v1/chargeback/2026-10?by=team&format=" + format));
            }
            answers.put("chargeback xlsx", xlsxText(HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/v1/chargeback/2026-10?format=xlsx")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body()));
            answers.put("governance", get(base + "api/v1/governance?month=2026-10"));
            answers.put("budgets", get(base + "api/v1/budgets?asOf=2026-10-20"));
        }
        assertThat(answers.get("cost-and-usage")).contains("person-");
        assertThat(answers.get("chargeback xlsx")).contains("person-");
        answers.forEach(PrivacyEndToEndTest::assertNoPerson);
    }

    private static String post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** Every part of a spreadsheet as text: names, if any, would be in the sheets' XML. */
    private static String xlsxText(byte[] bytes) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(text).contains("<worksheet");
        return text.toString();
    }
}
