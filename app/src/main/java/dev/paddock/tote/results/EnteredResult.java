package dev.paddock.tote.results;

import dev.paddock.identity.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The arrival in place for a race, provisional or official.
 *
 * @param finish       positions in order, each with the runners sharing it (see {@link dev.paddock.parimutuel.Arrival})
 * @param disqualified in number order
 * @param enteredBy    the operator who entered this version
 * @param officialAt   when this version became official; null while provisional
 */
public record EnteredResult(UUID raceId, int version, List<List<Integer>> finish, List<Integer> disqualified,
        boolean official, AccountId enteredBy, Instant enteredAt, Instant officialAt) {

    public EnteredResult {
        finish = finish.stream().map(List::copyOf).toList();
        disqualified = List.copyOf(disqualified);
    }
}
