package dev.spendlens.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Numbers the caller ARNs lines carry, once each; 0 is the empty principal of lines nobody called or billed before caller data existed. */
final class Arns {
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    Arns() {
        ids.put("", 0);
    }

    int id(String arn) {
        return ids.computeIfAbsent(arn, ignored -> ids.size());
    }

    /** The ARNs by id. */
    List<String> all() {
        return new ArrayList<>(ids.keySet());
    }
}
