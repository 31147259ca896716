package dev.paddock.identity.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** The identity module's refusals that several classes share. */
public final class AccountProblems {

    private AccountProblems() {
    }

    public static ProblemException notFound(AccountId id) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "account-not-found", "There is no account " + id + ".");
    }
}
