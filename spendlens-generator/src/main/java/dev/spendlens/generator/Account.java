package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A linked account of the organisation.
 *
 * @param index dense index, the join key in DuckDB
 * @param id twelve-digit account id
 * @param name account name
 * @param environment {@code prod}, {@code dev} or {@code sandbox}
 * @param businessUnit the business unit owning it
 * @param tags account tags, written as {@code accountTag/<key>}
 * @param costCategory the {@code BusinessUnit} cost category value, when the account is categorised
 * @param identityCenterSuffix the suffix AWS gives the account's {@code AWSReservedSSO_} roles
 */
record Account(int index, String id, String name, String environment, String businessUnit, Map<String, String> tags,
        Optional<String> costCategory, String identityCenterSuffix) {
    Account {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(businessUnit, "businessUnit is null");
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(tags, "tags is null")));
        requireNonNull(costCategory, "costCategory is null");
        requireNonNull(identityCenterSuffix, "identityCenterSuffix is null");
    }
}
