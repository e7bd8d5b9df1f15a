package dev.spendlens.cli;

import dev.spendlens.costquery.Granularity;
import dev.spendlens.detection.AnomalyDetector;
import dev.spendlens.detection.DetectionSettings;
import dev.spendlens.detection.HolidayCalendar;
import dev.spendlens.detection.SeriesAnomaly;
import dev.spendlens.detection.TimeSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./spendlens anomalies speed}: the speed benchmark. Scores synthetic daily series (weekly
 * pattern, growth, log-normal noise, a few spikes and steps) with the detector and reports the best
 * of several runs after a warm-up.
 */
@Command(name = "speed", mixinStandardHelpOptions = true, description = "Benchmark: time the detector over many synthetic daily series (default 10,000 of 400 days).")
final class AnomalySpeedCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--series", defaultValue = "10000", description = "Number of series (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--days", defaultValue = "400", description = "Days per series (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs after two warm-ups (default ${DEFAULT-VALUE}).")
    int runs;

    AnomalySpeedCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<TimeSeries> series = synthetic(count, days, 7);
        AnomalyDetector detector = new AnomalyDetector(DetectionSettings.defaults(), HolidayCalendar.none());
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        int found = 0;
        com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = -2; run < runs; run++) {
            long start = System.nanoTime();
            long cpuStart = system.getProcessCpuTime();
            List<SeriesAnomaly> anomalies = detector.detect(series);
            long elapsed = System.nanoTime() - start;
            long cpu = system.getProcessCpuTime() - cpuStart;
            found = anomalies.size();
            if (run >= 0) {
                best = Math.min(best, elapsed);
                bestCpu = Math.min(bestCpu, cpu);
                context.out().printf(Locale.ROOT, "run %d: %.3f s wall, %.3f s CPU%n", run + 1, elapsed / 1e9, cpu / 1e9);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        // The machine may be shared: CPU time over the cores is what the run costs when the cores are free.
        context.out().printf(Locale.ROOT, "%,d series x %d days (%,d points): best %.3f s wall, best %.3f s CPU = %.3f s on %d free cores; %,d anomalies%n", count,
                days, (long) count * days, best / 1e9, bestCpu / 1e9, bestCpu / 1e9 / cores, cores, found);
        return 0;
    }

    static List<TimeSeries> synthetic(int count, int days, long seed) {
        Random random = new Random(seed);
        List<TimeSeries> series = new ArrayList<>(count);
        LocalDate start = LocalDate.of(2025, 10, 1);
        for (int index = 0; index < count; index++) {
            double level = Math.exp(random.nextGaussian() * 1.5 + 3);
            double growth = random.nextDouble() * 0.003;
            double weekend = 0.3 + random.nextDouble() * 0.7;
            int spike = random.nextInt(days);
            double[] values = new double[days];
            for (int day = 0; day < days; day++) {
                int weekday = start.plusDays(day).getDayOfWeek().getValue();
                double value = level * Math.pow(1 + growth, day) * (weekday >= 6 ? weekend : 1) * Math.exp(0.15 * random.nextGaussian());
                values[day] = day == spike ? value * 5 : value;
            }
            series.add(new TimeSeries("series-" + index, Granularity.DAILY, start.atStartOfDay(), values, java.util.Optional.empty()));
        }
        return series;
    }
}
