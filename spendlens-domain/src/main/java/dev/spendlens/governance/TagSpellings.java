package dev.spendlens.governance;

import static java.util.Objects.requireNonNull;

import dev.spendlens.allocation.ValueNormalization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds tag values that look like one value written differently: {@code DataScience},
 * {@code data_science} and {@code data-science}, or {@code platfrom} beside {@code platform}.
 * Values are compared with case and separators removed, and also count as one when such forms
 * differ by a single letter (or two neighbouring letters swapped) (for forms of five letters or more, so that {@code ml} and {@code ai},
 * or cost centres {@code 41020} and {@code 61020}, stay apart).
 */
public final class TagSpellings {
    private TagSpellings() {}

    /**
     * Spellings of one value.
     *
     * @param suggested the spelling to keep: the best-spent one already written the normalised way, else the normalised form of the best-spent one
     * @param spend each spelling as tagged -> its spend
     */
    public record Group(String suggested, Map<String, BigDecimal> spend) {
        public Group {
            requireNonNull(suggested, "suggested is null");
            spend = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(spend, "spend is null")));
        }

        public BigDecimal total() {
            return spend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The groups of two or more spellings among {@code values} (spelling as tagged -> spend), biggest spend first. */
    public static List<Group> find(Map<String, BigDecimal> values) {
        Map<String, Map<String, BigDecimal>> bySquashed = new LinkedHashMap<>();
        values.forEach((value, spend) -> {
            if (!value.isBlank()) {
                bySquashed.computeIfAbsent(squash(value), ignored -> new LinkedHashMap<>()).merge(value, spend, BigDecimal::add);
            }
        });
        List<String> keys = new ArrayList<>(bySquashed.keySet());
        List<List<String>> clusters = new ArrayList<>();
        for (String key : keys) {
            List<String> home = null;
            for (List<String> cluster : clusters) {
                for (String member : cluster) {
                    if (letters(key) >= 5 && letters(member) >= 5 && distance(key, member) <= 1) {
                        home = cluster;
                        break;
                    }
                }
                if (home != null) {
                    break;
                }
            }
            if (home == null) {
                clusters.add(new ArrayList<>(List.of(key)));
            } else {
                home.add(key);
            }
        }
        ValueNormalization normalization = ValueNormalization.standard();
        List<Group> groups = new ArrayList<>();
        for (List<String> cluster : clusters) {
            Map<String, BigDecimal> spellings = new LinkedHashMap<>();
            cluster.forEach(key -> spellings.putAll(bySquashed.get(key)));
            if (spellings.size() < 2) {
                continue;
            }
            List<Map.Entry<String, BigDecimal>> ranked = spellings.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
            String suggested = ranked.stream().map(Map.Entry::getKey).filter(value -> normalization.normalize(value).equals(value)).findFirst()
                    .orElse(normalization.normalize(ranked.get(0).getKey()));
            Map<String, BigDecimal> ordered = new LinkedHashMap<>();
            ranked.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
            groups.add(new Group(suggested, ordered));
        }
        groups.sort(Comparator.comparing(Group::total).reversed());
        return groups;
    }

    // Codes such as cost centres 41020 and 61020 differ by one digit and are different things: only words are compared by letters.
    private static long letters(String value) {
        return value.chars().filter(Character::isLetter).count();
    }

    static String squash(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The optimal-string-alignment distance (Levenshtein with swaps of neighbours, so that {@code platfrom} is one edit from {@code platform}). */
    static int distance(String left, String right) {
        if (Math.abs(left.length() - right.length()) > 1) {
            return 2;
        }
        int[][] d = new int[left.length() + 1][right.length() + 1];
        for (int i = 0; i <= left.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= right.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            for (int j = 1; j <= right.length(); j++) {
                int cost = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && left.charAt(i - 1) == right.charAt(j - 2) && left.charAt(i - 2) == right.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[left.length()][right.length()];
    }
}
