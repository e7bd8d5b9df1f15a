package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

/**
 * A monthly line whose cost is given rather than rated: tax, a credit, a refund.
 *
 * @param key unique id, part of its line item id
 * @param periodIndex the billing period
 * @param meter what it is
 * @param account the account it is charged to
 * @param tagSetId its {@code tags} map (account tags only)
 * @param cost USD, negative for credits and refunds
 * @param finalDeliveryOnly absent from the earlier delivery of a restated period
 */
record SpecialLine(int key, int periodIndex, Meter meter, Account account, int tagSetId, double cost, boolean finalDeliveryOnly) {
    SpecialLine {
        requireNonNull(meter, "meter is null");
        requireNonNull(account, "account is null");
    }
}
