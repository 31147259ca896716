package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.Combinations;
import dev.paddock.parimutuel.Field;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.BetCancelled;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RunnerCard;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A player cancels an online bet within the cancellation window and before its (first) race's start or stop
 * signal. Runs on the bet writer's thread, in its transaction: the race is locked for share like a bet
 * batch, the stake comes out of the pool totals and goes back to the wallet from {@code tote:pools}. With the
 * remote wallet, the stake goes back by reversing the bet's debit, the transaction's last step: a reversal
 * not acknowledged rolls the cancellation back and the player is told to try again.
 */
@Component
class Cancellations {

    record Done(BetOutcome outcome, Map<BetStore.PoolCombination, Long> removed) {
    }

    private final JdbcClient jdbc;
    private final BetStore store;
    private final RaceCards races;
    private final Wallets wallets;
    private final RemoteStakeWallet remote;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration window;

    /** @param remote present in the remote wallet mode only */
    Cancellations(JdbcClient jdbc, BetStore store, RaceCards races, Wallets wallets, Optional<RemoteStakeWallet> remote,
            ApplicationEventPublisher events, Clock clock, BettingProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.races = races;
        this.wallets = wallets;
        this.remote = remote.orElse(null);
        this.events = events;
        this.clock = clock;
        this.window = properties.cancellationWindow();
    }

    private record Bet(UUID id, AccountId account, UUID poolId, String formulation, long unitStake, long totalStake,
            Channel channel, BetStatus status, Instant placedAt, Instant cancelledAt) {
    }

    Done cancel(AccountId account, UUID betId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Bet bet = jdbc.sql("""
                        select id, account_id, pool_id, formulation, unit_stake_cents, total_stake_cents, channel, status,
                               placed_at, cancelled_at
                        from tote.bets where id = :id for update""")
                .param("id", betId)
                .query((rs, row) -> new Bet(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        Channel.valueOf(rs.getString(7)), BetStatus.valueOf(rs.getString(8)),
                        rs.getObject(9, OffsetDateTime.class).toInstant(),
                        rs.getObject(10, OffsetDateTime.class) == null ? null
                                : rs.getObject(10, OffsetDateTime.class).toInstant()))
                .optional().filter(b -> b.account().equals(account))
                .orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "bet-not-found", "You have no bet " + betId + "."));
        if (bet.status() == BetStatus.CANCELLED) {
            return new Done(new BetOutcome(bet.id(), BetStatus.CANCELLED, null, bet.placedAt(), true), Map.of());
        }
        if (bet.status() != BetStatus.ACCEPTED) {
            throw notCancellable("Only an accepted bet can be cancelled.");
        }
        if (!bet.channel().online()) {
            throw notCancellable("A bet placed at a retail terminal is cancelled at the terminal.");
        }
        if (!now.isBefore(bet.placedAt().plus(window))) {
            throw notCancellable("A bet can be cancelled within " + window.toMinutes() + " minutes of placing it.");
        }
        PoolCard pool = races.pool(bet.poolId()).orElseThrow();
        Map<UUID, String> statuses = store.lockRaces(pool.raceIds());
        List<Field> fields = new ArrayList<>();
        for (UUID raceId : pool.raceIds()) {
            RaceCard race = races.race(raceId).orElseThrow();
            if (!"OPEN".equals(statuses.get(raceId)) || !now.isBefore(race.startsAt())) {
                throw notCancellable("Race " + race.code() + " has started or is closed.");
            }
            // every declared runner: the ticket was valid when sold, whatever was declared non-runner since
            fields.add(new Field(race.runners().stream().mapToInt(RunnerCard::number).toArray()));
        }
        jdbc.sql("update tote.bets set status = 'CANCELLED', cancelled_at = :at where id = :id")
                .param("at", java.sql.Timestamp.from(now)).param("id", betId).update();
        Map<BetStore.PoolCombination, Long> removed = new LinkedHashMap<>();
        Combinations.forEach(pool.betType(), Selections.read(bet.formulation()), fields,
                key -> removed.merge(new BetStore.PoolCombination(bet.poolId(), key), bet.unitStake(), Long::sum));
        List<BetStore.PoolCombination> keys = new ArrayList<>(removed.keySet());
        store.subtractFromTotals(keys, keys.stream().mapToLong(removed::get).toArray());
        if (remote == null) {
            wallets.credit(account, Money.ofCents(bet.totalStake()), new Purpose("tote:pools", "refund:bet:" + betId),
                    IdempotencyKey.of("tote:bet:" + betId + ":refund"));
        } else if (!remote.reverse(betId)) {
            throw ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "wallet-unavailable",
                    "The wallet could not be reached; the bet is not cancelled. Try again in a moment.");
        }
        events.publishEvent(new BetCancelled(betId, account, bet.poolId(), bet.totalStake(), now));
        return new Done(new BetOutcome(betId, BetStatus.CANCELLED, null, bet.placedAt(), false), removed);
    }

    private static ProblemException notCancellable(String detail) {
        return ProblemException.of(HttpStatus.CONFLICT, "not-cancellable", detail);
    }
}
