package dev.paddock.tote;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The race programme as other parts of the application read it. Cards are snapshots: a card's
 * {@link RaceCard#status()} is for display and a first validation only. Whether a race still takes bets
 * is decided in the database, under a lock on the race row (see {@code tote-rules} and the stop-signal
 * rule), never from a card.
 */
public interface Programme {

    /** One race with its runners and pools (Big 5 pools spanning it included); fast, served from a short cache. */
    Optional<RaceCard> race(UUID raceId);

    /** One pool, single-race or Big 5. */
    Optional<PoolCard> pool(UUID poolId);

    /** The day's meetings in number order, each with its races in number order. */
    List<MeetingCard> day(LocalDate date);
}
