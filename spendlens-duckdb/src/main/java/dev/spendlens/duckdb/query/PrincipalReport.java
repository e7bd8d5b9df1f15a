package dev.spendlens.duckdb.query;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One principal: who it is, who owns it and why, its tags, and its spend by day, model and token type.
 *
 * @param principal the caller label, usually an ARN
 * @param principalType IAM_USER, FEDERATED_USER, ASSUMED_ROLE_SESSION...
 * @param role the role behind a session, or {@code __none__}
 * @param person the person behind the principal, or {@code __none__}
 * @param account the account the ARN names, empty for reserved buckets
 * @param accountName the account's name when the export carries it
 * @param sessionName the session name of an assumed role, empty otherwise
 * @param allocations for every allocation dimension, each value it took with its source and spend
 * @param tags every tag seen on the principal's charges, with spend
 * @param daily spend by day, model and token type, oldest first
 * @param total the principal's spend over the period
 */
public record PrincipalReport(
        String principal,
        String principalType,
        String role,
        String person,
        String account,
        Optional<String> accountName,
        String sessionName,
        List<AllocatedSpend> allocations,
        List<TagSpend> tags,
        List<DailySpend> daily,
        BigDecimal total) {

    public PrincipalReport {
        requireNonNull(principal, "principal is null");
        requireNonNull(principalType, "principalType is null");
        requireNonNull(role, "role is null");
        requireNonNull(person, "person is null");
        requireNonNull(account, "account is null");
        requireNonNull(accountName, "accountName is null");
        requireNonNull(sessionName, "sessionName is null");
        allocations = List.copyOf(requireNonNull(allocations, "allocations is null"));
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        daily = List.copyOf(requireNonNull(daily, "daily is null"));
        requireNonNull(total, "total is null");
    }

    /**
     * A value an allocation dimension took for this principal, and why.
     *
     * @param source {@code tag:iamPrincipal/team}, {@code people:jane@acme.example}, {@code rule:notebooks}, {@code unallocated}, {@code no-caller}
     */
    public record AllocatedSpend(String dimension, String value, String source, BigDecimal unblendedCost) {
        public AllocatedSpend {
            requireNonNull(dimension, "dimension is null");
            requireNonNull(value, "value is null");
            requireNonNull(source, "source is null");
            requireNonNull(unblendedCost, "unblendedCost is null");
        }
    }

    /** Spend and tokens of one day, model and token type. */
    public record DailySpend(LocalDate day, String model, String tokenType, BigDecimal unblendedCost, BigDecimal tokens) {
        public DailySpend {
            requireNonNull(day, "day is null");
            requireNonNull(model, "model is null");
            requireNonNull(tokenType, "tokenType is null");
            requireNonNull(unblendedCost, "unblendedCost is null");
            requireNonNull(tokens, "tokens is null");
        }
    }
}
