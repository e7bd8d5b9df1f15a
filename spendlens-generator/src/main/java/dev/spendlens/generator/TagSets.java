package dev.spendlens.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Composes the CUR 2.0 {@code tags} map of a line from where its tags come from, and numbers the
 * distinct maps. A key appears only where it has a value, as AWS writes it.
 */
final class TagSets {
    static final String COST_CATEGORY = "BusinessUnit";
    private final Map<SortedMap<String, String>, Integer> ids = new LinkedHashMap<>();

    /** The tags of a line of {@code account}, called by {@code caller} (when caller data is on), naming {@code resource}. */
    int id(Account account, Optional<Caller> caller, Resource resource, boolean principalData) {
        SortedMap<String, String> tags = new TreeMap<>();
        resource.tags().forEach((key, value) -> tags.put("resourceTags/" + key, value));
        if (principalData) {
            caller.ifPresent(present -> {
                present.principalTags().forEach((key, value) -> tags.put("iamPrincipal/" + key, value));
                present.userAttributes().forEach((key, value) -> tags.put("userAttribute/" + key, value));
            });
        }
        account.tags().forEach((key, value) -> tags.put("accountTag/" + key, value));
        account.costCategory().ifPresent(value -> tags.put("costCategory/" + COST_CATEGORY, value));
        return ids.computeIfAbsent(Collections.unmodifiableSortedMap(tags), ignored -> ids.size());
    }

    /** The maps by id. */
    List<SortedMap<String, String>> all() {
        return new ArrayList<>(ids.keySet());
    }
}
