package dev.paddock.tote.results;

import dev.paddock.identity.AccountId;
import java.time.Instant;
import java.util.List;

/** One line of a race's result history: what was done to which version, by whom, when and why. */
public record ResultHistory(int seq, Action action, int version, List<List<Integer>> finish, List<Integer> disqualified,
        String reason, AccountId by, Instant at) {

    public ResultHistory {
        finish = finish.stream().map(List::copyOf).toList();
        disqualified = List.copyOf(disqualified);
    }

    public enum Action {
        /** Version 1 was entered. */
        ENTERED,
        /** A new version replaced the one in place, provisional or official. */
        CORRECTED,
        /** The version in place became official. */
        OFFICIAL
    }
}
