package dev.spendlens.cli;

import dev.spendlens.config.ServerConfig;
import dev.spendlens.config.SpendlensConfig;
import dev.spendlens.jobs.Jobs;
import dev.spendlens.jobs.Schedule;
import dev.spendlens.jobs.Scheduler;
import dev.spendlens.server.ServerContext;
import dev.spendlens.server.ServerSettings;
import dev.spendlens.server.SpendlensServer;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./spendlens serve}: the REST API and the dashboard, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the Cost Explorer-compatible REST API and the web dashboard, and run the scheduled jobs: ingest of ingest.sources",
                "every ingest.every (then anomaly detection, alerts, budget checks), daily and weekly digests (alerts.daily-digest-at, weekly-digest-at).",
                "Binds to 127.0.0.1 by default; any other address needs server.api-token-sha256 in the config."})
final class ServeCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: server.port, 8080; 0 for any free port).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to bind (default: server.bind, 127.0.0.1).")
    String bind;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (SpendlensServer server = start(context, store, port, bind, true)) {
            context.out().printf("Spendlens is serving %s (Ctrl-C to stop)%n", server.url());
            context.out().printf("Scheduled: %s%n", server.scheduler().describe());
            serveUntilStopped();
        }
        return 0;
    }

    /** Blocks until Ctrl-C (the JVM shuts down) or until the calling thread is interrupted, as a test does. */
    static void serveUntilStopped() {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // The interrupt means 'stop serving', and is consumed here: closing Jetty on an interrupted thread would fail.
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or has run.
            }
        }
    }

    /**
     * Starts the server over the store.
     *
     * @param scheduled whether the configuration's schedule runs (ingest of {@code ingest.sources}, digests); the demo's server runs none
     */
    static SpendlensServer start(CliContext context, StoreOptions store, Integer port, String bind, boolean scheduled) {
        SpendlensConfig config = context.config(store.config());
        ServerConfig server = config.server();
        ServerSettings settings = new ServerSettings(bind == null ? server.bind() : bind, port == null ? server.port() : port, server.apiTokenSha256());
        Jobs jobs = new Jobs(context.store(store), context.allocator(store), context.clock(), config);
        Scheduler scheduler = new Scheduler(jobs, scheduled ? Schedule.of(config) : Schedule.none(), Scheduler.DEFAULT_TICK);
        return SpendlensServer.start(settings, new ServerContext(context.store(store), context.allocator(store), context.clock(), context.finance(store), config,
                scheduler));
    }
}
