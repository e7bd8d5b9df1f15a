package dev.spendlens.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Numbers the resources lines name, once each; index 0 is "no resource". */
final class Resources {
    private final Map<String, Resource> byId = new LinkedHashMap<>();

    Resources() {
        byId.put("", new Resource(0, "", "", Map.of()));
    }

    Resource none() {
        return byId.get("");
    }

    Resource register(String resourceId, String availabilityZone, Map<String, String> tags) {
        return byId.computeIfAbsent(resourceId, id -> new Resource(byId.size(), id, availabilityZone, tags));
    }

    List<Resource> all() {
        return List.copyOf(byId.values());
    }
}
