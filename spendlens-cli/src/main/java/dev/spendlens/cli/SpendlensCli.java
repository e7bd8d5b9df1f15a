package dev.spendlens.cli;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./spendlens} command. */
@Command(name = "spendlens", mixinStandardHelpOptions = true, version = "Spendlens 0.1.0",
        description = "Amazon Bedrock spend attributed to IAM principals, people and teams, from your CUR 2.0 export.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, ReportCommand.class, ServeCommand.class,
                ForecastCommand.class, ForecastBenchmarkCommand.class, ChargebackCommand.class, GovernanceCommand.class, BudgetsCommand.class,
                AnomaliesCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class SpendlensCli implements Runnable {
    /** Exit codes: 0 done, 1 the input or data was refused, 2 bad command-line usage, 3 something outside failed, 4 a Spendlens bug. */
    static final int EXIT_USER_ERROR = 1;
    static final int EXIT_EXTERNAL_ERROR = 3;
    static final int EXIT_INTERNAL_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Libraries (Jetty, the AWS SDK) log through slf4j-simple: keep their chatter to warnings.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // Spendlens's own log (what serve's scheduled jobs did) is worth reading, with the time of each line.
        if (System.getProperty("org.slf4j.simpleLogger.log.dev.spendlens") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.spendlens", "info");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ssX");
        }
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs a command line with the given streams and environment; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        CliContext context = new CliContext(out, err, environment);
        CommandLine commandLine = new CommandLine(new SpendlensCli(), new ContextFactory(context));
        // '--filter @file' is ours: picocli must not expand @-files into arguments.
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> handle(exception, err));
        try {
            return commandLine.execute(args);
        } finally {
            context.close();
        }
    }

    private static int handle(Exception exception, PrintStream err) {
        if (exception instanceof SpendlensException spendlens) {
            err.println("error [" + spendlens.code() + "]: " + spendlens.getMessage());
            return switch (spendlens.code().kind()) {
                case USER_ERROR -> EXIT_USER_ERROR;
                case EXTERNAL_ERROR -> EXIT_EXTERNAL_ERROR;
                case INTERNAL_ERROR -> EXIT_INTERNAL_ERROR;
            };
        }
        err.println("error [" + ErrorCode.INTERNAL_ERROR + "]: " + exception + " (this is a Spendlens bug; please report it with the command you ran)");
        exception.printStackTrace(err);
        return EXIT_INTERNAL_ERROR;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Gives every command the shared context through its constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
