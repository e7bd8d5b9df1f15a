package dev.spendlens.generator;

import static dev.spendlens.generator.InferenceMode.BATCH;
import static dev.spendlens.generator.InferenceMode.CROSS_REGION_GLOBAL;
import static dev.spendlens.generator.InferenceMode.FLEX;
import static dev.spendlens.generator.InferenceMode.ON_DEMAND;
import static dev.spendlens.generator.InferenceMode.PRIORITY;
import static dev.spendlens.generator.Invocation.INVOKE;
import static dev.spendlens.generator.Invocation.INVOKE_STREAMING;
import static dev.spendlens.generator.ModelCatalog.CLAUDE_HAIKU_4_5;
import static dev.spendlens.generator.ModelCatalog.CLAUDE_OPUS_4_6;
import static dev.spendlens.generator.ModelCatalog.CLAUDE_SONNET_4_6;
import static dev.spendlens.generator.ModelCatalog.DEEPSEEK_V3_2;
import static dev.spendlens.generator.ModelCatalog.LLAMA_3_3_70B;
import static dev.spendlens.generator.ModelCatalog.LLAMA_4_MAVERICK;
import static dev.spendlens.generator.ModelCatalog.MISTRAL_LARGE_3;
import static dev.spendlens.generator.ModelCatalog.NOVA_2_LITE;
import static dev.spendlens.generator.ModelCatalog.NOVA_LITE;
import static dev.spendlens.generator.ModelCatalog.NOVA_MICRO;
import static dev.spendlens.generator.ModelCatalog.NOVA_PRO;
import static dev.spendlens.generator.ModelCatalog.TITAN_EMBED_TEXT_V2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Builds the organisation for a seed: accounts and teams are fixed, the principals (their kinds,
 * names, teams, tags and habits) are drawn from {@link Random}, whose sequence Java specifies, so a
 * seed gives the same company on every JVM.
 */
final class OrganisationFactory {
    static final String PAYER_ACCOUNT_ID = "412305876901";
    static final String PAYER_ACCOUNT_NAME = "Acme Corp Management";
    static final String EMAIL_DOMAIN = "acme.example";
    private static final int CONSUMER_PROD = 0;
    private static final int CONSUMER_DEV = 1;
    private static final int FINANCE_PROD = 2;
    private static final int PLATFORM_PROD = 3;
    private static final int SANDBOX = 4;

    private static final List<String> FIRST_NAMES = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
            "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "uma", "victor", "wendy", "xavier", "yara", "zoe", "jane", "john",
            "amir", "bea", "chen", "dina", "emeka", "fatima", "goran", "hana", "igor", "jules", "kenji", "lena", "mateo", "noor", "oskar",
            "priya", "quentin", "rosa", "sven", "tariq", "ula", "vera", "wei", "yusuf", "zara");
    private static final List<String> LAST_NAMES = List.of("doe", "smith", "garcia", "muller", "rossi", "nguyen", "kowalski", "silva", "haddad",
            "okafor", "tanaka", "larsen", "dubois", "novak", "schmidt", "kim", "patel", "cohen", "moreau", "berg", "ivanova", "santos",
            "weber", "costa", "fischer", "jensen", "lopez", "martin", "meyer", "nakamura");
    private static final Map<String, List<String>> TEAM_MISSPELLINGS = Map.of(
            "data-science", List.of("DataScience", "data_science"),
            "support-bot", List.of("SupportBot", "support_bot"),
            "platform", List.of("Platform"),
            "search", List.of("Search"),
            "marketing", List.of("Marketing"),
            "finance-ai", List.of("FinanceAI"),
            "legal-ops", List.of("LegalOps"),
            "security", List.of("Security"));

    private OrganisationFactory() {}

    static List<Account> accounts(Random random) {
        return List.of(
                account(CONSUMER_PROD, "538174069215", "acme-consumer-prod", "prod", "Consumer", random),
                account(CONSUMER_DEV, "691027384456", "acme-consumer-dev", "dev", "Consumer", random),
                account(FINANCE_PROD, "774410382960", "acme-finance-prod", "prod", "Enterprise", random),
                account(PLATFORM_PROD, "302958716644", "acme-platform-prod", "prod", "Platform", random),
                account(SANDBOX, "859263017722", "acme-sandbox", "sandbox", "Platform", random));
    }

    static List<Team> teams() {
        return List.of(
                new Team("data-science", "churn-prediction", "41020", "notebook-assistant", "ChurnScoring", "Platform", "Data Science",
                        PLATFORM_PROD, SANDBOX, List.of(Invocation.of(DEEPSEEK_V3_2, BATCH, INVOKE), Invocation.of(CLAUDE_SONNET_4_6, ON_DEMAND, INVOKE),
                                Invocation.of(LLAMA_4_MAVERICK, BATCH, INVOKE))),
                new Team("search", "semantic-search", "31010", "search-api", "SemanticSearch", "Consumer", "Search", CONSUMER_PROD, CONSUMER_DEV,
                        List.of(Invocation.of(TITAN_EMBED_TEXT_V2, ON_DEMAND, INVOKE), Invocation.of(NOVA_LITE, ON_DEMAND, INVOKE),
                                Invocation.of(NOVA_MICRO, ON_DEMAND, INVOKE))),
                new Team("support-bot", "helpdesk-assistant", "31040", "support-bot", "SupportBot", "Consumer", "Customer Support",
                        CONSUMER_PROD, CONSUMER_DEV, List.of(Invocation.of(CLAUDE_HAIKU_4_5, CROSS_REGION_GLOBAL, INVOKE_STREAMING),
                                Invocation.of(NOVA_MICRO, ON_DEMAND, INVOKE), Invocation.of(CLAUDE_SONNET_4_6, CROSS_REGION_GLOBAL, INVOKE_STREAMING))),
                new Team("marketing", "campaign-copy", "52030", "copy-studio", "CopyStudio", "Consumer", "Marketing", CONSUMER_PROD, CONSUMER_DEV,
                        List.of(Invocation.of(NOVA_PRO, ON_DEMAND, INVOKE), Invocation.of(CLAUDE_SONNET_4_6, ON_DEMAND, INVOKE_STREAMING))),
                new Team("platform", "llm-gateway", "20010", "llm-gateway", "LlmGateway", "Platform", "Platform Engineering", PLATFORM_PROD, SANDBOX,
                        List.of(Invocation.of(CLAUDE_SONNET_4_6, CROSS_REGION_GLOBAL, INVOKE), Invocation.of(NOVA_2_LITE, FLEX, INVOKE),
                                Invocation.of(LLAMA_3_3_70B, ON_DEMAND, INVOKE), Invocation.of(MISTRAL_LARGE_3, ON_DEMAND, INVOKE))),
                new Team("finance-ai", "invoice-extraction", "61020", "invoice-reader", "InvoiceReader", "Enterprise", "Finance", FINANCE_PROD, SANDBOX,
                        List.of(Invocation.of(CLAUDE_SONNET_4_6, BATCH, INVOKE), Invocation.of(NOVA_2_LITE, CROSS_REGION_GLOBAL, INVOKE))),
                new Team("legal-ops", "contract-review", "63010", "contract-review", "ContractReview", "Enterprise", "Legal", FINANCE_PROD, SANDBOX,
                        List.of(Invocation.of(CLAUDE_OPUS_4_6, ON_DEMAND, INVOKE_STREAMING), Invocation.of(LLAMA_4_MAVERICK, PRIORITY, INVOKE))),
                new Team("security", "threat-triage", "24050", "soc-copilot", "SocCopilot", "Platform", "Security", PLATFORM_PROD, SANDBOX,
                        List.of(Invocation.of(CLAUDE_HAIKU_4_5, ON_DEMAND, INVOKE), Invocation.of(NOVA_MICRO, ON_DEMAND, INVOKE))));
    }

    /** The organisation of {@code principals} callers for a seed. */
    static Organisation build(int principals, long seed, ExportCalendar calendar) {
        Random random = new Random(seed);
        List<Account> accounts = accounts(random);
        List<Team> teams = teams();
        Drafts drafts = new Drafts(random, accounts, teams, calendar.dayCount());

        int agents = Math.max(1, Math.round(0.06f * principals));
        int apiKeys = Math.max(2, Math.round(0.08f * principals));
        int iamUsers = Math.max(1, Math.round(0.08f * principals));
        int apps = Math.max(2, Math.round(0.2f * principals));
        int pathRoles = principals >= 20 ? 1 : 0;
        int federated = Math.max(1, Math.round(0.14f * principals));
        int sso = principals - agents - apiKeys - iamUsers - apps - pathRoles - federated;

        for (int index = 0; index < sso; index++) {
            drafts.person(CallerKind.SSO_PERSON);
        }
        for (int index = 0; index < federated; index++) {
            drafts.person(CallerKind.FEDERATED_PERSON);
        }
        for (int index = 0; index < iamUsers; index++) {
            drafts.person(CallerKind.IAM_USER);
        }
        for (int index = 0; index < apiKeys - 1; index++) {
            drafts.apiKey(false);
        }
        Draft newcomer = drafts.apiKey(true);
        for (int index = 0; index < apps; index++) {
            drafts.app(index % 3 == 2 ? CallerKind.ECS_APP : CallerKind.LAMBDA_APP, teams.get(Math.floorMod(index + random.nextInt(2), teams.size())));
        }
        for (int index = 0; index < agents; index++) {
            drafts.agent(teams.get(List.of(2, 4, 7, 5, 6).get(index % 5)));
        }
        if (pathRoles > 0) {
            drafts.pathRole();
        }
        drafts.assignTagging(principals, newcomer);
        List<Caller> callers = drafts.callers();
        return new Organisation(PAYER_ACCOUNT_ID, PAYER_ACCOUNT_NAME, accounts, teams, callers, newcomer.id);
    }

    private static Account account(int index, String id, String name, String environment, String businessUnit, Random random) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", environment);
        if (!environment.equals("sandbox")) {
            tags.put("business-unit", businessUnit.toLowerCase(Locale.ROOT));
        }
        if (index == FINANCE_PROD) {
            tags.put("team", "finance-ai");
        }
        Optional<String> costCategory = environment.equals("sandbox") ? Optional.empty() : Optional.of(businessUnit);
        return new Account(index, id, name, environment, businessUnit, tags, costCategory, "%016x".formatted(random.nextLong()));
    }

    // A caller while the organisation is being drawn: tagging and teams are settled after all exist.
    private static final class Draft {
        int id;
        CallerKind kind;
        Account account;
        Team team;
        String name;
        Optional<String> person = Optional.empty();
        Optional<String> application = Optional.empty();
        List<String> sessions = new ArrayList<>();
        Tagging tagging = Tagging.TAGGED;
        boolean projectTag = true;
        String teamSpelling;
        Region region = Region.US_EAST_1;
        HourShape shape = HourShape.BUSINESS_US;
        double dailyCost;
        double monthlyGrowth;
        int firstDay;
        List<Invocation> invocations = new ArrayList<>();
    }

    private static final class Drafts {
        private final Random random;
        private final List<Account> accounts;
        private final List<Team> teams;
        private final int dayCount;
        private final List<Draft> drafts = new ArrayList<>();
        private final Set<String> usedNames = new HashSet<>();
        private final Map<String, Integer> appsPerTeam = new LinkedHashMap<>();

        Drafts(Random random, List<Account> accounts, List<Team> teams, int dayCount) {
            this.random = random;
            this.accounts = accounts;
            this.teams = teams;
            this.dayCount = dayCount;
        }

        private Draft draft(CallerKind kind, Team team, Account account) {
            Draft draft = new Draft();
            draft.id = drafts.size() + 1;
            draft.kind = kind;
            draft.team = team;
            draft.account = account;
            draft.teamSpelling = team.name();
            // About one principal in seven appears during the export rather than before it.
            draft.firstDay = random.nextInt(7) == 0 ? (int) (dayCount * (0.15 + 0.6 * random.nextDouble())) : 0;
            drafts.add(draft);
            return draft;
        }

        void person(CallerKind kind) {
            Team team = personTeam();
            int roll = random.nextInt(10);
            Account account = accounts.get(kind == CallerKind.IAM_USER ? (roll < 6 ? SANDBOX : team.devAccount())
                    : roll < 5 ? team.devAccount() : roll < 8 ? SANDBOX : team.prodAccount());
            Draft draft = draft(kind, team, account);
            String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
            String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
            String email = unique(first + "." + last) + "@" + EMAIL_DOMAIN;
            if (random.nextInt(5) == 0) {
                draft.region = Region.EU_CENTRAL_1;
                draft.shape = HourShape.BUSINESS_EU;
            }
            switch (kind) {
                case SSO_PERSON -> draft.sessions.add("arn:aws:sts::%s:assumed-role/AWSReservedSSO_BedrockUsers_%s/%s"
                        .formatted(account.id(), account.identityCenterSuffix(), email));
                case FEDERATED_PERSON -> draft.sessions.add("arn:aws:sts::%s:assumed-role/BedrockAnalysts/%s".formatted(account.id(), email));
                case IAM_USER -> {
                    String user = unique(first);
                    draft.sessions.add("arn:aws:iam::%s:user/%s".formatted(account.id(), user));
                    email = user;
                }
                case API_KEY_USER, LAMBDA_APP, ECS_APP, AGENTCORE_AGENT, IAM_ROLE -> throw new IllegalArgumentException("not a person: " + kind);
            }
            draft.name = email;
            draft.person = Optional.of(email);
            draft.projectTag = random.nextInt(4) != 0;
            draft.dailyCost = (kind == CallerKind.IAM_USER ? 5 : 7) * Math.exp(0.9 * random.nextGaussian());
            draft.monthlyGrowth = 0.01 + 0.05 * random.nextDouble();
            draft.invocations.add(Invocation.withoutCache(chatModel(), ON_DEMAND, kind == CallerKind.IAM_USER ? INVOKE : INVOKE_STREAMING));
            if (random.nextInt(5) < 2) {
                BedrockModel second = chatModel();
                if (!second.equals(draft.invocations.get(0).model())) {
                    draft.invocations.add(Invocation.withoutCache(second, ON_DEMAND, INVOKE_STREAMING));
                }
            }
        }

        Draft apiKey(boolean newcomer) {
            Team team = newcomer ? teams.get(3) : personTeam();
            Account account = accounts.get(random.nextBoolean() ? team.devAccount() : team.prodAccount());
            Draft draft = draft(CallerKind.API_KEY_USER, team, account);
            String user = "BedrockAPIKey-" + alphanumeric(5);
            draft.name = user;
            draft.sessions.add("arn:aws:iam::%s:user/%s".formatted(account.id(), user));
            draft.monthlyGrowth = 0.02 + 0.06 * random.nextDouble();
            if (newcomer) {
                draft.firstDay = 0;
                draft.shape = HourShape.DIURNAL;
                draft.dailyCost = 320;
                draft.invocations.add(Invocation.of(CLAUDE_OPUS_4_6, ON_DEMAND, INVOKE));
            } else {
                draft.shape = random.nextInt(3) == 0 ? HourShape.DIURNAL : HourShape.BUSINESS_US;
                draft.dailyCost = 18 * Math.exp(0.7 * random.nextGaussian());
                List<BedrockModel> models = List.of(CLAUDE_HAIKU_4_5, NOVA_LITE, DEEPSEEK_V3_2, CLAUDE_SONNET_4_6);
                draft.invocations.add(Invocation.withoutCache(models.get(random.nextInt(models.size())), ON_DEMAND, INVOKE));
            }
            return draft;
        }

        void app(CallerKind kind, Team team) {
            int ordinal = appsPerTeam.merge(team.name(), 1, Integer::sum) - 1;
            Account account = accounts.get(random.nextInt(5) == 0 ? team.devAccount() : team.prodAccount());
            Draft draft = draft(kind, team, account);
            String stem = team.appName() + List.of("", "Worker", "Indexer", "Api", "Jobs", "Sync", "Reports").get(ordinal % 7)
                    + (ordinal >= 7 ? String.valueOf(ordinal / 7 + 1) : "");
            String application = kebab(stem);
            draft.application = Optional.of(application);
            if (kind == CallerKind.LAMBDA_APP) {
                String role = stem + "LambdaRole";
                draft.name = role;
                draft.sessions.add("arn:aws:sts::%s:assumed-role/%s/%s-handler".formatted(account.id(), role, application));
                draft.sessions.add("arn:aws:sts::%s:assumed-role/%s/%s-worker".formatted(account.id(), role, application));
            } else {
                String role = stem + "TaskRole";
                draft.name = role;
                for (int task = 0; task < 4; task++) {
                    draft.sessions.add("arn:aws:sts::%s:assumed-role/%s/%016x%016x".formatted(account.id(), role, random.nextLong(), random.nextLong()));
                }
            }
            draft.region = random.nextInt(10) < 7 ? Region.US_EAST_1 : Region.US_WEST_2;
            draft.shape = HourShape.DIURNAL;
            draft.dailyCost = 70 * Math.exp(0.8 * random.nextGaussian());
            draft.monthlyGrowth = 0.03 + 0.07 * random.nextDouble();
            List<Invocation> recipes = team.invocations();
            int start = ordinal % recipes.size();
            draft.invocations.add(recipes.get(start));
            for (int extra = 1; extra < recipes.size() && draft.invocations.size() < 3; extra++) {
                if (random.nextBoolean()) {
                    draft.invocations.add(recipes.get((start + extra) % recipes.size()));
                }
            }
        }

        void agent(Team team) {
            Account account = accounts.get(team.prodAccount());
            Draft draft = draft(CallerKind.AGENTCORE_AGENT, team, account);
            String stem = team.appName() + "Agent";
            String role = stem + "CoreRole";
            draft.name = role;
            draft.application = Optional.of(kebab(stem));
            draft.sessions.add("arn:aws:sts::%s:assumed-role/%s/BedrockAgentCore-".formatted(account.id(), role));
            draft.shape = HourShape.AGENT;
            // The first agent runs from the start, so there is always an agent with history to run away.
            if (drafts.stream().noneMatch(other -> other != draft && other.kind == CallerKind.AGENTCORE_AGENT)) {
                draft.firstDay = 0;
            }
            draft.dailyCost = 45 * Math.exp(0.5 * random.nextGaussian());
            draft.monthlyGrowth = 0.08 + 0.08 * random.nextDouble();
            draft.invocations.add(Invocation.of(random.nextBoolean() ? CLAUDE_HAIKU_4_5 : CLAUDE_SONNET_4_6, CROSS_REGION_GLOBAL, INVOKE));
        }

        void pathRole() {
            Team team = teams.get(0);
            Account account = accounts.get(PLATFORM_PROD);
            Draft draft = draft(CallerKind.IAM_ROLE, team, account);
            draft.name = "teams/ds/Analyst";
            draft.sessions.add("arn:aws:iam::%s:role/teams/ds/Analyst".formatted(account.id()));
            draft.dailyCost = 25;
            draft.monthlyGrowth = 0.04;
            draft.invocations.add(Invocation.withoutCache(NOVA_PRO, ON_DEMAND, INVOKE));
            draft.invocations.add(Invocation.of(LLAMA_4_MAVERICK, BATCH, INVOKE));
        }

        /** Most callers are tagged; some only through inference profiles or account tags, some misspelled, some not at all. */
        void assignTagging(int principals, Draft newcomer) {
            List<Draft> open = new ArrayList<>(drafts);
            open.remove(newcomer);
            Collections.shuffle(open, random);
            int profileOnly = Math.max(1, Math.round(0.04f * principals));
            for (Draft draft : List.copyOf(open)) {
                if (profileOnly > 0 && (draft.kind == CallerKind.LAMBDA_APP || draft.kind == CallerKind.ECS_APP)) {
                    draft.tagging = Tagging.INFERENCE_PROFILE_ONLY;
                    open.remove(draft);
                    profileOnly--;
                }
            }
            int accountOnly = Math.max(1, Math.round(0.03f * principals));
            for (Draft draft : List.copyOf(open)) {
                if (accountOnly > 0 && (draft.kind == CallerKind.SSO_PERSON || draft.kind == CallerKind.API_KEY_USER)) {
                    moveTo(draft, teams.get(5), accounts.get(FINANCE_PROD));
                    draft.tagging = Tagging.ACCOUNT_TAG_ONLY;
                    open.remove(draft);
                    accountOnly--;
                }
            }
            int untagged = Math.max(1, Math.round(0.08f * principals));
            for (Draft draft : List.copyOf(open)) {
                if (untagged > 0 && draft.kind != CallerKind.AGENTCORE_AGENT && draft.kind != CallerKind.IAM_ROLE) {
                    draft.tagging = Tagging.UNTAGGED;
                    open.remove(draft);
                    untagged--;
                }
            }
            int misspelled = Math.max(2, Math.round(0.05f * principals));
            open.sort(Comparator.comparing(draft -> draft.team.name().equals("data-science") ? 0 : 1));
            // Variants are used in turn, so that a team shows several spellings when several of its people misspell it.
            Map<String, Integer> used = new LinkedHashMap<>();
            for (Draft draft : open) {
                if (misspelled > 0 && draft.kind != CallerKind.AGENTCORE_AGENT) {
                    List<String> variants = TEAM_MISSPELLINGS.get(draft.team.name());
                    draft.tagging = Tagging.MISSPELLED;
                    draft.teamSpelling = variants.get(used.merge(draft.team.name(), 1, Integer::sum) % variants.size());
                    misspelled--;
                }
            }
        }

        private void moveTo(Draft draft, Team team, Account account) {
            draft.team = team;
            draft.teamSpelling = team.name();
            List<String> moved = new ArrayList<>();
            for (String session : draft.sessions) {
                moved.add(session.replace(":" + draft.account.id() + ":", ":" + account.id() + ":")
                        .replace(draft.account.identityCenterSuffix(), account.identityCenterSuffix()));
            }
            draft.sessions = moved;
            draft.account = account;
        }

        List<Caller> callers() {
            List<Caller> callers = new ArrayList<>();
            for (Draft draft : drafts) {
                Map<String, String> tags = new LinkedHashMap<>();
                Map<String, String> attributes = new LinkedHashMap<>();
                if (draft.tagging.principalTags()) {
                    tags.put("team", draft.teamSpelling);
                    if (draft.projectTag) {
                        tags.put("project", draft.team.project());
                    }
                    tags.put("cost-center", draft.team.costCenter());
                    draft.application.ifPresent(application -> tags.put("application", application));
                    if (draft.kind == CallerKind.SSO_PERSON) {
                        attributes.put("department", draft.team.department());
                        attributes.put("costCenter", draft.team.costCenter());
                    }
                }
                callers.add(new Caller(draft.id, draft.kind, draft.account, draft.team, draft.name, draft.person, draft.application,
                        draft.sessions, draft.tagging, tags, attributes, draft.region, draft.shape, draft.dailyCost, draft.monthlyGrowth,
                        draft.firstDay, draft.invocations));
            }
            return callers;
        }

        private Team personTeam() {
            // Data science and marketing have the most people using chat models.
            int[] weights = {4, 1, 1, 2, 2, 1, 1, 1};
            int roll = random.nextInt(13);
            for (int index = 0; index < weights.length; index++) {
                roll -= weights[index];
                if (roll < 0) {
                    return teams.get(index);
                }
            }
            return teams.get(0);
        }

        private BedrockModel chatModel() {
            return ModelCatalog.CHAT.get(random.nextInt(ModelCatalog.CHAT.size()));
        }

        private String unique(String name) {
            String candidate = name;
            for (int suffix = 2; !usedNames.add(candidate); suffix++) {
                candidate = name + suffix;
            }
            return candidate;
        }

        private String alphanumeric(int length) {
            String alphabet = "abcdefghijkmnopqrstuvwxyz0123456789";
            StringBuilder text = new StringBuilder(length);
            for (int index = 0; index < length; index++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "-").toLowerCase(Locale.ROOT);
    }
}
