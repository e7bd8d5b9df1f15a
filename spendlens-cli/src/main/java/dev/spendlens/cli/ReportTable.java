package dev.spendlens.cli;

import dev.spendlens.costquery.CostGroup;
import dev.spendlens.costquery.CostResult;
import dev.spendlens.costquery.Field;
import dev.spendlens.costquery.Granularity;
import dev.spendlens.costquery.Metric;
import dev.spendlens.costquery.ResultByTime;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cost result as a table for people: one row per group and one column per time bucket (a pivot,
 * like Cost Explorer's table view) when it fits, else one line per bucket and group. Rows that
 * {@code --top} leaves out are summed into one line, so the table still adds up to the total.
 */
final class ReportTable {
    private static final int MAX_PIVOT_COLUMNS = 12;

    private ReportTable() {}

    static void print(PrintStream out, CostResult result, Granularity granularity, List<Metric> metrics, int top) {
        if (metrics.size() == 1 && result.resultsByTime().size() <= MAX_PIVOT_COLUMNS) {
            pivot(out, result, granularity, metrics.get(0), top);
        } else {
            lines(out, result, granularity, metrics);
        }
    }

    private static void pivot(PrintStream out, CostResult result, Granularity granularity, Metric metric, int top) {
        List<ResultByTime> buckets = result.resultsByTime();
        Map<List<String>, BigDecimal[]> rows = new LinkedHashMap<>();
        for (int b = 0; b < buckets.size(); b++) {
            for (CostGroup group : buckets.get(b).groups()) {
                BigDecimal[] row = rows.computeIfAbsent(group.keys(), ignored -> zeros(buckets.size()));
                row[b] = row[b].add(group.metrics().get(metric).amount());
            }
        }
        List<Map.Entry<List<String>, BigDecimal[]>> ordered = new ArrayList<>(rows.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<List<String>, BigDecimal[]> entry) -> sum(entry.getValue())).reversed()
                .thenComparing(entry -> String.join("|", entry.getKey())));

        List<String> header = new ArrayList<>();
        result.groupDefinitions().stream().map(Field::label).forEach(header::add);
        if (header.isEmpty()) {
            header.add("");
        }
        int keyColumns = header.size();
        buckets.forEach(bucket -> header.add(label(bucket.start(), granularity)));
        header.add("Total");

        List<List<String>> body = new ArrayList<>();
        int shown = top > 0 ? Math.min(top, ordered.size()) : ordered.size();
        for (int i = 0; i < shown; i++) {
            body.add(row(ordered.get(i).getKey(), ordered.get(i).getValue()));
        }
        if (shown < ordered.size()) {
            BigDecimal[] others = zeros(buckets.size());
            for (int i = shown; i < ordered.size(); i++) {
                for (int b = 0; b < buckets.size(); b++) {
                    others[b] = others[b].add(ordered.get(i).getValue()[b]);
                }
            }
            List<String> label = new ArrayList<>(List.of("(%d others)".formatted(ordered.size() - shown)));
            while (label.size() < keyColumns) {
                label.add("");
            }
            body.add(row(label, others));
        }
        BigDecimal[] totals = zeros(buckets.size());
        for (int b = 0; b < buckets.size(); b++) {
            totals[b] = buckets.get(b).total().get(metric).amount();
        }
        List<String> totalLabel = new ArrayList<>(List.of("Total"));
        while (totalLabel.size() < keyColumns) {
            totalLabel.add("");
        }
        List<String> footer = row(totalLabel, totals);
        render(out, header, body, footer, keyColumns);
    }

    private static List<String> row(List<String> keys, BigDecimal[] values) {
        List<String> row = new ArrayList<>(keys.isEmpty() ? List.of("Total") : keys.stream().map(ReportTable::display).toList());
        for (BigDecimal value : values) {
            row.add(Numbers.money(value));
        }
        row.add(Numbers.money(sum(values)));
        return row;
    }

    private static void lines(PrintStream out, CostResult result, Granularity granularity, List<Metric> metrics) {
        List<String> header = new ArrayList<>(List.of("Period"));
        result.groupDefinitions().stream().map(Field::label).forEach(header::add);
        metrics.forEach(metric -> header.add(metric.apiName()));
        int keyColumns = 1 + result.groupDefinitions().size();
        List<List<String>> body = new ArrayList<>();
        for (ResultByTime bucket : result.resultsByTime()) {
            if (result.groupDefinitions().isEmpty()) {
                List<String> row = new ArrayList<>(List.of(label(bucket.start(), granularity)));
                metrics.forEach(metric -> row.add(format(metric, bucket.total().get(metric).amount())));
                body.add(row);
                continue;
            }
            for (CostGroup group : bucket.groups()) {
                List<String> row = new ArrayList<>(List.of(label(bucket.start(), granularity)));
                group.keys().forEach(key -> row.add(display(key)));
                metrics.forEach(metric -> row.add(format(metric, group.metrics().get(metric).amount())));
                body.add(row);
            }
        }
        List<String> footer = new ArrayList<>(List.of("Total"));
        while (footer.size() < keyColumns) {
            footer.add("");
        }
        for (Metric metric : metrics) {
            footer.add(format(metric, result.resultsByTime().stream().map(bucket -> bucket.total().get(metric).amount()).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        render(out, header, body, footer, keyColumns);
    }

    private static String format(Metric metric, BigDecimal value) {
        return metric.isCost() ? Numbers.money(value) : Numbers.count(value.doubleValue());
    }

    private static String display(String key) {
        return key.isEmpty() ? "(not set)" : key;
    }

    private static void render(PrintStream out, List<String> header, List<List<String>> body, List<String> footer, int keyColumns) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(body);
        all.add(footer);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(header, widths, keyColumns));
        out.println(rule(widths));
        body.forEach(row -> out.println(line(row, widths, keyColumns)));
        out.println(rule(widths));
        out.println(line(footer, widths, keyColumns));
    }

    private static String line(List<String> row, int[] widths, int keyColumns) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            String padding = " ".repeat(widths[i] - cell.length());
            text.append(i < keyColumns ? cell + padding : padding + cell);
            if (i < row.size() - 1) {
                text.append("  ");
            }
        }
        return text.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            text.append("-".repeat(widths[i]));
            if (i < widths.length - 1) {
                text.append("  ");
            }
        }
        return text.toString();
    }

    static String label(LocalDateTime start, Granularity granularity) {
        return switch (granularity) {
            case MONTHLY -> start.format(DateTimeFormatter.ofPattern("yyyy-MM")) + (start.getDayOfMonth() == 1 ? "" : "-" + start.getDayOfMonth());
            case DAILY -> start.toLocalDate().toString();
            case HOURLY -> start.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00"));
        };
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] values = new BigDecimal[size];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            total = total.add(value);
        }
        return total;
    }
}
