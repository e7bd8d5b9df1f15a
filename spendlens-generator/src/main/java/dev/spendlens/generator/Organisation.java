package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The synthetic company: one payer, its linked accounts, its teams and the principals that call Bedrock.
 *
 * @param newcomer id of the caller held back to appear late and spend heavily (the {@code new_principal} anomaly)
 */
record Organisation(String payerAccountId, String payerAccountName, List<Account> accounts, List<Team> teams, List<Caller> callers, int newcomer) {
    Organisation {
        requireNonNull(payerAccountId, "payerAccountId is null");
        requireNonNull(payerAccountName, "payerAccountName is null");
        accounts = List.copyOf(requireNonNull(accounts, "accounts is null"));
        teams = List.copyOf(requireNonNull(teams, "teams is null"));
        callers = List.copyOf(requireNonNull(callers, "callers is null"));
    }
}

