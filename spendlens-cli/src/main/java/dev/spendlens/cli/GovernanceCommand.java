package dev.spendlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spendlens.finance.Finding;
import dev.spendlens.finance.ForecastService;
import dev.spendlens.finance.GovernanceJson;
import dev.spendlens.finance.GovernanceReport;
import dev.spendlens.finance.GovernanceService;
import dev.spendlens.finance.StoreAccess;

import java.io.IOException;
import java.io.PrintStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens governance}: what makes attribution impossible or wrong, with what to do. */
@Command(name = "governance", mixinStandardHelpOptions = true,
        description = {"Tag governance of a month: the share of spend each dimension cannot attribute, principals with spend and no team,",
                "tag values written several ways, roles shared by several people, new principals, and tags the rules file contradicts.",
                "Every finding says what to do."})
final class GovernanceCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (default: the month of the last day of data).")
    YearMonth month;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Findings shown per kind in the table (default ${DEFAULT-VALUE}; json shows all).")
    int top;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "table or json (default ${DEFAULT-VALUE}).")
    ListFormat format;

    GovernanceCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        StoreAccess access = context.access(store);
        YearMonth chosen = month != null ? month : YearMonth.from(new ForecastService(access).dataThrough(Optional.empty()));
        GovernanceReport report = new GovernanceService(access).report(chosen);
        if (format == ListFormat.json) {
            context.out().println(JSON.writeValueAsString(GovernanceJson.write(report)));
            return 0;
        }
        PrintStream out = context.out();
        out.printf("Bedrock tag governance, %s: %s %s of spend%n%n", report.month(), Numbers.money(report.total()), report.currency());
        out.println("Spend no owner can be named for, per dimension:");
        for (GovernanceReport.DimensionShare share : report.shares()) {
            out.printf("  %-16s unallocated calls %8s (%s)   no caller %8s (%s)%n", share.dimension(), Numbers.percent(share.unallocated(), report.total()),
                    Numbers.money(share.unallocated()), Numbers.percent(share.noCaller(), report.total()), Numbers.money(share.noCaller()));
        }
        for (Finding.Kind kind : List.of(Finding.Kind.PRINCIPAL_WITHOUT_TEAM, Finding.Kind.TAG_SPELLINGS, Finding.Kind.SHARED_ROLE, Finding.Kind.NEW_PRINCIPAL,
                Finding.Kind.RULE_CONTRADICTS_TAG)) {
            List<Finding> findings = report.findings(kind);
            out.printf("%n%s (%d)%n", title(kind), findings.size());
            for (Finding finding : findings.subList(0, Math.min(top, findings.size()))) {
                out.printf("  %14s  %s%n                  %s%n                  -> %s%n", Numbers.money(finding.cost()), finding.subject(), finding.detail(), finding.action());
            }
            if (findings.size() > top) {
                out.printf("  ... %d more (--top or --format json)%n", findings.size() - top);
            }
        }
        return 0;
    }

    private static String title(Finding.Kind kind) {
        return switch (kind) {
            case UNALLOCATED_SHARE -> "Unallocated spend";
            case PRINCIPAL_WITHOUT_TEAM -> "Principals with spend and no team, by spend";
            case TAG_SPELLINGS -> "Tag values written several ways";
            case SHARED_ROLE -> "Roles used by several people";
            case NEW_PRINCIPAL -> "New principals this month";
            case RULE_CONTRADICTS_TAG -> "Tags the rules or people file contradict";
        };
    }
}
