package dev.spendlens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.allocation.AllocationDimension;
import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.allocation.TagSource;
import dev.spendlens.chargeback.SharedCostMethod;
import dev.spendlens.chargeback.SharedCostRule;
import dev.spendlens.money.ExchangeRate;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    private static final String TOKEN_HASH = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    private static final String PSEUDONYM_KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path directory;

    @Test
    void everySectionHasDocumentedDefaults() {
        SpendlensConfig config = SpendlensConfig.defaults();

        assertThat(config.store().path()).isEqualTo(Path.of("./spendlens-data/spendlens.duckdb"));
        assertThat(config.store().memoryLimit()).isEqualTo("1GB");
        assertThat(config.store().threads()).isZero();
        assertThat(config.ingest().downloadDirectory()).isEmpty();
        assertThat(config.ingest().s3().region()).isEmpty();
        assertThat(config.ingest().s3().endpoint()).isEmpty();
        assertThat(config.ingest().s3().pathStyle()).isFalse();
        assertThat(config.ingest().sources()).isEmpty();
        assertThat(config.ingest().every()).isEqualTo(Duration.ofHours(6));
        assertThat(config.allocation().dimensions()).containsExactly(
                new AllocationDimension("team", List.of("team")),
                new AllocationDimension("project", List.of("project")),
                new AllocationDimension("cost-center", List.of("cost-center", "costcenter", "cost_center")),
                new AllocationDimension("application", List.of("application", "app")));
        assertThat(config.allocation().tagPrecedence()).containsExactly(
                TagSource.IAM_PRINCIPAL, TagSource.RESOURCE_TAGS, TagSource.USER_ATTRIBUTE, TagSource.ACCOUNT_TAG, TagSource.COST_CATEGORY);
        assertThat(config.allocation().normalizeValues()).isTrue();
        assertThat(config.allocation().aliases()).isEmpty();
        assertThat(config.allocation().rulesFile()).isEmpty();
        assertThat(config.allocation().peopleFile()).isEmpty();
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.server().bind()).isEqualTo("127.0.0.1");
        assertThat(config.server().apiTokenSha256()).isEmpty();
        assertThat(config.server().loopback()).isTrue();
        assertThat(config.privacy().pseudonymizePeople()).isFalse();
        assertThat(config.privacy().pseudonymKey()).isEmpty();
        assertThat(config.budgets().channels()).isEmpty();
        assertThat(config.budgets().toOwner()).isTrue();
        assertThat(config.budgets().policyDirectory()).isEqualTo(Path.of("spendlens-data/deny-policies"));
        assertThat(config.alerts().dailyDigestAt()).contains(LocalTime.of(8, 0));
        assertThat(config.alerts().weeklyDigestAt()).contains(new WeeklyTime(DayOfWeek.MONDAY, LocalTime.of(8, 0)));
        assertThat(config.alerts().smtp()).isEqualTo(new SmtpConfig(Optional.empty(), 587, SmtpSecurity.STARTTLS, Optional.empty(), Optional.empty(),
                "spendlens@localhost", Optional.empty(), 30, 50));
    }

    @Test
    void noFileAndNoVariablesGiveTheDefaults() {
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("PATH", "/usr/bin", "HOME", "/root"))).isEqualTo(SpendlensConfig.defaults());
    }

    @Test
    void anEmptyFileGivesTheDefaults() throws IOException {
        assertThat(ConfigLoader.load(Optional.of(write("spendlens.yaml", "# nothing set yet\n")), Map.of())).isEqualTo(SpendlensConfig.defaults());
    }

    @Test
    void mapsEveryKeyOfTheFile() throws IOException {
        Path file = write("spendlens.yaml", """
                store:
                  path: /var/lib/spendlens/costs.duckdb
                  memory-limit: 512MB
                  threads: 3
                ingest:
                  download-dir: /var/cache/spendlens
                  s3:
                    region: eu-central-1
                    endpoint: http://minio.internal:9000
                    path-style: true
                  sources: [s3://billing/cur/acme, /srv/exports/legacy]
                  every: 90m
                allocation:
                  dimensions:
                    - {name: team, tag-keys: [team, squad]}
                    - name: department
                      tag-keys: [department, dept]
                    - name: owner
                    - product
                  tag-precedence: [resourceTags, iamPrincipal]
                  normalize-values: false
                  aliases: {ds: data-science, ml: machine-learning}
                  rules-file: /etc/spendlens/rules.yaml
                  people-file: /etc/spendlens/people.csv
                server:
                  port: 9443
                  bind: 0.0.0.0
                  api-token-sha256: %s
                privacy:
                  pseudonymize-people: true
                  pseudonym-key: %s
                currency:
                  display: eur
                  exchange-rates:
                    - {date: 2026-09-01, from: USD, to: EUR, rate: 0.9137}
                chargeback:
                  dimension: department
                  shared-costs:
                    - {bucket: no-caller, method: fixed, percentages: {"4410": 60, "5120": 40}}
                    - {bucket: unallocated, method: even}
                budgets:
                  channels: [finance-mail, ops]
                  to-owner: false
                  policy-dir: /var/lib/spendlens/policies
                alerts:
                  channels:
                    - {name: finance-mail, type: email, recipients: [cfo@acme.example]}
                    - {name: ops, url: "https://ops.example/hook"}
                  smtp: {host: smtp.acme.example}
                  daily-digest-at: "07:30"
                  weekly-digest-at: fri 16:45
                """.formatted(TOKEN_HASH, PSEUDONYM_KEY));

        SpendlensConfig config = ConfigLoader.load(Optional.of(file), Map.of());

        assertThat(config).isEqualTo(new SpendlensConfig(
                new StoreConfig(Path.of("/var/lib/spendlens/costs.duckdb"), "512MB", 3),
                new IngestConfig(Optional.of(Path.of("/var/cache/spendlens")),
                        new S3Config(Optional.of("eu-central-1"), Optional.of(URI.create("http://minio.internal:9000")), true),
                        List.of("s3://billing/cur/acme", "/srv/exports/legacy"), Duration.ofMinutes(90)),
                new AllocationConfig(
                        List.of(new AllocationDimension("team", List.of("team", "squad")),
                                new AllocationDimension("department", List.of("department", "dept")),
                                new AllocationDimension("owner", List.of("owner")),
                                new AllocationDimension("product", List.of("product"))),
                        List.of(TagSource.RESOURCE_TAGS, TagSource.IAM_PRINCIPAL),
                        false,
                        Map.of("ds", "data-science", "ml", "machine-learning"),
                        Optional.of(Path.of("/etc/spendlens/rules.yaml")),
                        Optional.of(Path.of("/etc/spendlens/people.csv"))),
                new ServerConfig(9443, "0.0.0.0", Optional.of(TOKEN_HASH.toLowerCase())),
                new PrivacyConfig(true, Optional.of(PSEUDONYM_KEY)),
                new CurrencyConfig(Optional.of("EUR"), List.of(new ExchangeRate(java.time.LocalDate.of(2026, 9, 1), "USD", "EUR", new java.math.BigDecimal("0.9137")))),
                new ChargebackConfig("department", List.of(
                        new SharedCostRule(ReservedBucket.NO_CALLER, SharedCostMethod.FIXED,
                                Map.of("4410", new java.math.BigDecimal("60"), "5120", new java.math.BigDecimal("40"))),
                        new SharedCostRule(ReservedBucket.UNALLOCATED, SharedCostMethod.EVEN, Map.of()))),
                new BudgetsConfig(List.of("finance-mail", "ops"), false, Path.of("/var/lib/spendlens/policies")),
                new AlertsConfig(List.of(new AlertChannelConfig("finance-mail", "email", Optional.empty(), "generic", Map.of(), List.of("cfo@acme.example")),
                        new AlertChannelConfig("ops", "webhook", Optional.of(URI.create("https://ops.example/hook")), "generic", Map.of(), List.of())),
                        new SmtpConfig(Optional.of("smtp.acme.example"), 587, SmtpSecurity.STARTTLS, Optional.empty(), Optional.empty(), "spendlens@localhost",
                                Optional.empty(), 30, 50),
                        Map.of(), List.of(), 4, 2, 60, 20, Optional.of(LocalTime.of(7, 30)), Optional.of(new WeeklyTime(DayOfWeek.FRIDAY, LocalTime.of(16, 45)))),
                AnomaliesConfig.defaults()));
        assertThat(config.server().loopback()).isFalse();
        assertThat(config.allocation().aliases().keySet()).containsExactly("ds", "ml");
    }

    static Stream<Arguments> everyKeyOverriddenByItsVariable() {
        return Stream.of(
                override("SPENDLENS_STORE_PATH", "/data/s.duckdb", config -> config.store().path(), Path.of("/data/s.duckdb")),
                override("SPENDLENS_STORE_MEMORY_LIMIT", "1.5GiB", config -> config.store().memoryLimit(), "1.5GiB"),
                override("SPENDLENS_STORE_THREADS", " 2 ", config -> config.store().threads(), 2),
                override("SPENDLENS_INGEST_DOWNLOAD_DIR", "/tmp/cur", config -> config.ingest().downloadDirectory(), Optional.of(Path.of("/tmp/cur"))),
                override("SPENDLENS_INGEST_S3_REGION", "us-gov-west-1", config -> config.ingest().s3().region(), Optional.of("us-gov-west-1")),
                override("SPENDLENS_INGEST_S3_ENDPOINT", "https://s3.example:9000", config -> config.ingest().s3().endpoint(),
                        Optional.of(URI.create("https://s3.example:9000"))),
                override("SPENDLENS_INGEST_S3_PATH_STYLE", "TRUE", config -> config.ingest().s3().pathStyle(), true),
                override("SPENDLENS_ALLOCATION_DIMENSIONS", "team, cost-center:cost-center|CostCenter , owner:owner", config -> config.allocation().dimensions(),
                        List.of(AllocationDimension.named("team"), new AllocationDimension("cost-center", List.of("cost-center", "CostCenter")),
                                AllocationDimension.named("owner"))),
                override("SPENDLENS_ALLOCATION_TAG_PRECEDENCE", "accountTag,iamPrincipal", config -> config.allocation().tagPrecedence(),
                        List.of(TagSource.ACCOUNT_TAG, TagSource.IAM_PRINCIPAL)),
                override("SPENDLENS_ALLOCATION_TAG_PRECEDENCE", "", config -> config.allocation().tagPrecedence(), List.of()),
                override("SPENDLENS_ALLOCATION_NORMALIZE_VALUES", "false", config -> config.allocation().normalizeValues(), false),
                override("SPENDLENS_ALLOCATION_ALIASES", "ds=data-science, ml = machine-learning", config -> config.allocation().aliases(),
                        Map.of("ds", "data-science", "ml", "machine-learning")),
                override("SPENDLENS_ALLOCATION_RULES_FILE", "/etc/spendlens/rules.yaml", config -> config.allocation().rulesFile(),
                        Optional.of(Path.of("/etc/spendlens/rules.yaml"))),
                override("SPENDLENS_ALLOCATION_PEOPLE_FILE", "people.csv", config -> config.allocation().peopleFile(), Optional.of(Path.of("people.csv"))),
                override("SPENDLENS_SERVER_PORT", "0", config -> config.server().port(), 0),
                override("SPENDLENS_SERVER_BIND", "::1", config -> config.server().bind(), "::1"),
                override("SPENDLENS_SERVER_API_TOKEN_SHA256", TOKEN_HASH, config -> config.server().apiTokenSha256(), Optional.of(TOKEN_HASH.toLowerCase())),
                override("SPENDLENS_PRIVACY_PSEUDONYM_KEY", PSEUDONYM_KEY, config -> config.privacy().pseudonymKey(), Optional.of(PSEUDONYM_KEY)),
                override("SPENDLENS_CURRENCY_DISPLAY", "gbp", config -> config.currency().display(), Optional.of("GBP")),
                override("SPENDLENS_CURRENCY_EXCHANGE_RATES", "2026-09-01:GBP:USD:1.269, 2026-10-01:USD:EUR:0.92", config -> config.currency().exchangeRates(),
                        List.of(new ExchangeRate(java.time.LocalDate.of(2026, 9, 1), "GBP", "USD", new java.math.BigDecimal("1.269")),
                                new ExchangeRate(java.time.LocalDate.of(2026, 10, 1), "USD", "EUR", new java.math.BigDecimal("0.92")))),
                override("SPENDLENS_CHARGEBACK_DIMENSION", "team", config -> config.chargeback().dimension(), "team"),
                override("SPENDLENS_CHARGEBACK_SHARED_COSTS", "no-caller:fixed:4410=60|5120=40", config -> config.chargeback().sharedCosts(),
                        List.of(SharedCostRule.proportional(ReservedBucket.UNALLOCATED), new SharedCostRule(ReservedBucket.NO_CALLER, SharedCostMethod.FIXED,
                                Map.of("4410", new java.math.BigDecimal("60"), "5120", new java.math.BigDecimal("40"))))),
                override("SPENDLENS_INGEST_SOURCES", "s3://billing/cur, /srv/exports", config -> config.ingest().sources(), List.of("s3://billing/cur", "/srv/exports")),
                override("SPENDLENS_INGEST_EVERY", "45s", config -> config.ingest().every(), Duration.ofSeconds(45)),
                override("SPENDLENS_BUDGETS_TO_OWNER", "false", config -> config.budgets().toOwner(), false),
                override("SPENDLENS_ALERTS_DAILY_DIGEST_AT", "18:05", config -> config.alerts().dailyDigestAt(), Optional.of(LocalTime.of(18, 5))),
                override("SPENDLENS_ALERTS_DAILY_DIGEST_AT", "", config -> config.alerts().dailyDigestAt(), Optional.empty()),
                override("SPENDLENS_ALERTS_WEEKLY_DIGEST_AT", "Sunday 23:00", config -> config.alerts().weeklyDigestAt(),
                        Optional.of(new WeeklyTime(DayOfWeek.SUNDAY, LocalTime.of(23, 0)))),
                override("SPENDLENS_ALERTS_SMTP_SECURITY", "TLS", config -> config.alerts().smtp().security(), SmtpSecurity.TLS),
                override("SPENDLENS_BUDGETS_POLICY_DIR", "/tmp/policies", config -> config.budgets().policyDirectory(), Path.of("/tmp/policies")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource
    void everyKeyOverriddenByItsVariable(String variable, String value, Function<SpendlensConfig, Object> setting, Object expected) {
        assertThat(setting.apply(ConfigLoader.load(Optional.empty(), Map.of(variable, value)))).isEqualTo(expected);
    }

    @Test
    void variablesOverrideTheFile() throws IOException {
        Path file = write("spendlens.yaml", """
                server:
                  port: 9000
                privacy:
                  pseudonymize-people: false
                """);

        SpendlensConfig config = ConfigLoader.load(Optional.of(file), Map.of(
                "SPENDLENS_SERVER_PORT", "9100",
                "SPENDLENS_PRIVACY_PSEUDONYMIZE_PEOPLE", "true",
                "SPENDLENS_PRIVACY_PSEUDONYM_KEY", PSEUDONYM_KEY));

        assertThat(config.server().port()).isEqualTo(9100);
        assertThat(config.privacy().pseudonymizePeople()).isTrue();
    }

    @Test
    void anEmptyVariableClearsAnOptionalSetting() throws IOException {
        Path file = write("spendlens.yaml", """
                allocation:
                  rules-file: rules.yaml
                  aliases: {ds: data-science}
                """);

        SpendlensConfig config = ConfigLoader.load(Optional.of(file), Map.of("SPENDLENS_ALLOCATION_RULES_FILE", "", "SPENDLENS_ALLOCATION_ALIASES", " "));

        assertThat(config.allocation().rulesFile()).isEmpty();
        assertThat(config.allocation().aliases()).isEmpty();
    }

    // variable | value | what the message must say after naming the variable
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            SPENDLENS_SERVER_PORT                | 80a             | server.port must be a whole number from 0 to 65535, not '80a'
            SPENDLENS_SERVER_PORT                | 70000           | server.port must be a whole number from 0 to 65535, not '70000'
            SPENDLENS_STORE_THREADS              | -1              | store.threads must be a whole number from 0 to 4096, not '-1'
            SPENDLENS_STORE_THREADS              | 2.5             | store.threads must be a whole number
            SPENDLENS_ALLOCATION_NORMALIZE_VALUES| yes             | allocation.normalize-values must be true or false, not 'yes'
            SPENDLENS_INGEST_S3_PATH_STYLE       | 1               | ingest.s3.path-style must be true or false, not '1'
            SPENDLENS_STORE_MEMORY_LIMIT         | lots            | store.memory-limit must be a size such as 512MB
            SPENDLENS_INGEST_S3_REGION           | Frankfurt       | ingest.s3.region must be a region code such as eu-central-1, not 'Frankfurt'
            SPENDLENS_INGEST_S3_ENDPOINT         | ftp://files     | ingest.s3.endpoint must be an http or https URL
            SPENDLENS_INGEST_S3_ENDPOINT         | http://a b      | ingest.s3.endpoint 'http://a b' is not valid
            SPENDLENS_ALLOCATION_TAG_PRECEDENCE  | iamPrincipal,tags | allocation.tag-precedence: unknown tag source 'tags'
            SPENDLENS_ALLOCATION_DIMENSIONS      | Team            | allocation.dimensions: allocation dimension 'Team' must be lower case
            SPENDLENS_ALLOCATION_DIMENSIONS      | team,team       | allocation.dimensions lists 'team' twice
            SPENDLENS_ALLOCATION_ALIASES         | ds              | allocation.aliases must be written key=value,key=value
            SPENDLENS_SERVER_API_TOKEN_SHA256    | hunter2         | server.api-token-sha256 must be 64 hex digits
            SPENDLENS_PRIVACY_PSEUDONYM_KEY      | short           | privacy.pseudonym-key is 5 characters; use at least 32
            SPENDLENS_INGEST_EVERY               | 6 hours         | ingest.every '6 hours' is not valid: write a whole number and a unit: 45s, 30m, 6h or 1d
            SPENDLENS_INGEST_EVERY               | 0s              | ingest.every '0s' is not valid: must be at least 1s
            SPENDLENS_ALERTS_DAILY_DIGEST_AT     | 8am             | alerts.daily-digest-at '8am' is not valid: '8am' is not a time of day such as 08:00
            SPENDLENS_ALERTS_WEEKLY_DIGEST_AT    | someday 08:00   | alerts.weekly-digest-at 'someday 08:00' is not valid: 'someday' is not a day of the week
            SPENDLENS_ALERTS_SMTP_SECURITY       | ssl             | alerts.smtp.security must be none, starttls or tls, not 'ssl'
            SPENDLENS_BUDGETS_CHANNELS           | finance         | budgets.channels names channel 'finance', which alerts.channels does not define (defined: none)
            """)
    void rejectsABadVariableNamingIt(String variable, String value, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(variable, value)))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining(variable)
                .hasMessageContaining(message);
    }

    @Test
    void neverEchoesARejectedTokenHash() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("SPENDLENS_SERVER_API_TOKEN_SHA256", "my-secret-token")))
                .hasMessageNotContaining("my-secret-token");
    }

    @Test
    void rejectsAVariableThatOverridesNoKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("SPENDLENS_STORE_PATHH", "/data/s.duckdb")))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("SPENDLENS_STORE_PATHH overrides no configuration key")
                .hasMessageContaining("SPENDLENS_STORE_PATH,");
    }

    @Test
    void acceptsTheLaunchersJavaOptionsWhichAreNotAKey() {
        SpendlensConfig config = ConfigLoader.load(Optional.empty(), Map.of("SPENDLENS_JAVA_OPTS", "-Xmx2g"));

        assertThat(config).isEqualTo(ConfigLoader.load(Optional.empty(), Map.of()));
    }

    @Test
    void acceptsTheConfigFileVariableWhichIsNotAKey() {
        Map<String, String> environment = Map.of("SPENDLENS_CONFIG", " /etc/spendlens/spendlens.yaml ");

        assertThat(ConfigLoader.load(Optional.empty(), environment)).isEqualTo(SpendlensConfig.defaults());
        assertThat(ConfigLoader.configFile(environment)).contains(Path.of("/etc/spendlens/spendlens.yaml"));
        assertThat(ConfigLoader.configFile(Map.of("SPENDLENS_CONFIG", ""))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            store.path                 | SPENDLENS_STORE_PATH
            allocation.rules-file      | SPENDLENS_ALLOCATION_RULES_FILE
            ingest.s3.path-style       | SPENDLENS_INGEST_S3_PATH_STYLE
            server.api-token-sha256    | SPENDLENS_SERVER_API_TOKEN_SHA256
            """)
    void namesTheVariableOfAKey(String key, String variable) {
        assertThat(ConfigLoader.variableName(key)).isEqualTo(variable);
    }

    @Test
    void rejectsAnUnknownKeyNamingKeyLineAndFile() throws IOException {
        Path file = write("spendlens.yaml", """
                allocation:
                  normalize-values: true
                  rules-fil: rules.yaml
                """);

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'allocation.rules-fil' at line 3")
                .hasMessageContaining("rules-file, people-file");
    }

    @Test
    void reportsEveryUnknownKeyAtOnce() throws IOException {
        Path file = write("spendlens.yaml", """
                stor:
                  path: x.duckdb
                store:
                  memoryLimit: 1GB
                allocation:
                  dimensions:
                    - {name: team, tag-key: [team]}
                alarms:
                  webhook: https://hooks.example
                """);

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .hasMessageContaining("'stor' at line 1")
                .hasMessageContaining("'store.memoryLimit' at line 4")
                .hasMessageContaining("'allocation.dimensions[0].tag-key' at line 7")
                .hasMessageContaining("'alarms' at line 8");
    }

    @Test
    void resolvesRelativePathsInTheFileAgainstItsDirectory() throws IOException {
        Path file = write("etc/spendlens/spendlens.yaml", """
                store:
                  path: data/spendlens.duckdb
                ingest:
                  download-dir: ../../cache
                  sources: [exports/cur, "s3://billing/cur/acme"]
                allocation:
                  rules-file: ./rules.yaml
                  people-file: /srv/people.csv
                """);
        Path etc = file.toAbsolutePath().getParent();

        SpendlensConfig config = ConfigLoader.load(Optional.of(file), Map.of());

        assertThat(config.store().path()).isEqualTo(etc.resolve("data/spendlens.duckdb"));
        assertThat(config.ingest().downloadDirectory()).contains(directory.toAbsolutePath().resolve("cache"));
        assertThat(config.ingest().sources()).containsExactly(etc.resolve("exports/cur").toString(), "s3://billing/cur/acme");
        assertThat(config.allocation().rulesFile()).contains(etc.resolve("rules.yaml"));
        assertThat(config.allocation().peopleFile()).contains(Path.of("/srv/people.csv"));
    }

    @Test
    void leavesRelativePathsFromVariablesAndDefaultsToTheWorkingDirectory() throws IOException {
        Path file = write("etc/spendlens.yaml", "server:\n  port: 8081\n");

        SpendlensConfig config = ConfigLoader.load(Optional.of(file), Map.of("SPENDLENS_ALLOCATION_RULES_FILE", "conf/rules.yaml"));

        assertThat(config.allocation().rulesFile()).contains(Path.of("conf/rules.yaml"));
        assertThat(config.store().path()).isEqualTo(Path.of("./spendlens-data/spendlens.duckdb"));
    }

    // file content | what the message must say
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "server:\\n  port: eighty\\n"                          | line 2: server.port must be a whole number from 0 to 65535, not 'eighty'
            "server:\\n  port: [80, 81]\\n"                        | line 2: server.port must be a single value, not a list
            "store: fast\\n"                                       | line 1: 'store' must be a mapping
            "- store\\n"                                           | line 1: the file must be a mapping
            "allocation:\\n  tag-precedence: iamPrincipal\\n"      | line 2: allocation.tag-precedence must be a list
            "allocation:\\n  dimensions:\\n    - {tag-keys: [x]}\\n" | line 3 (allocation.dimensions[0]): 'name' is missing
            "server:\\n  port: 1\\nserver:\\n  bind: ::1\\n"       | line 3: key 'server' is repeated (first at line 1)
            "store:\\n  path: [unclosed\\n"                        | not valid YAML
            "server:\\n  bind: 0.0.0.0\\n"                         | server.api-token-sha256 is required
            "server:\\n  bind: 0.0.0.0\\n  api-token-sha265: x\\n" | unknown key 'server.api-token-sha265' at line 3
            "a: 1\\n---\\nb: 2\\n"                                  | a second YAML document starts here
            """)
    void rejectsAMalformedFileNamingTheLine(String content, String message) throws IOException {
        Path file = write("spendlens.yaml", content.replace("\\n", "\n"));

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAMissingFile() {
        Path missing = directory.resolve("nowhere.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of()))
                .isInstanceOfSatisfying(SpendlensException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
                .hasMessageContaining("config file " + missing + " does not exist");
    }

    @Test
    void buildsTheAllocationPolicyFromTheRulesAndPeopleFiles() throws IOException {
        write("rules.yaml", """
                rules:
                  - name: notebooks
                    match: {arn: "arn:aws:sts::*:assumed-role/SageMaker*/*"}
                    set: {team: data-science}
                """);
        write("people.csv", "email,team\njane@acme.example,search\n");
        Path file = write("spendlens.yaml", """
                allocation:
                  aliases: {ds: data-science}
                  rules-file: rules.yaml
                  people-file: people.csv
                """);

        var policy = ConfigLoader.load(Optional.of(file), Map.of()).allocationPolicy();

        assertThat(policy.rules()).extracting(rule -> rule.name()).containsExactly("notebooks");
        assertThat(policy.people().value("Jane@Acme.example", "team")).contains("search");
        assertThat(policy.normalization().normalize("DS")).isEqualTo("data-science");
        assertThat(policy.dimensions()).isEqualTo(AllocationDimension.defaults());
    }

    @Test
    void theDefaultPolicyNeedsNoFiles() {
        var policy = SpendlensConfig.defaults().allocationPolicy();

        assertThat(policy.rules()).isEmpty();
        assertThat(policy.people().size()).isZero();
        assertThat(policy.precedence()).containsExactly(TagSource.values());
    }

    private static Arguments override(String variable, String value, Function<SpendlensConfig, Object> setting, Object expected) {
        return Arguments.of(variable, value, setting, expected);
    }

    private Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
