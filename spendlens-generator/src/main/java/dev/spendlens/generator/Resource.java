package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code line_item_resource_id} names: an application inference profile, an instance, a bucket, or nothing.
 *
 * @param index dense index, the join key in DuckDB; 0 is "no resource"
 * @param resourceId the id as billed, empty for none
 * @param availabilityZone {@code line_item_availability_zone}, empty unless an instance
 * @param tags the resource's tags (key without prefix), written as {@code resourceTags/<key>} and as {@code user_<key>} in {@code resource_tags}
 */
record Resource(int index, String resourceId, String availabilityZone, Map<String, String> tags) {
    Resource {
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(availabilityZone, "availabilityZone is null");
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(tags, "tags is null")));
    }
}
