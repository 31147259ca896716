package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.TestAccounts;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.shared.Money;
import dev.paddock.tote.MeetingCard;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.programme.InvalidTransition;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Races, players and wallets for the betting tests, each test with its own. */
@Component
public class ToteFixtures {

    static final Set<BetType> BET_TYPES = Set.of(BetType.SIMPLE_GAGNANT, BetType.SIMPLE_PLACE, BetType.COUPLE_GAGNANT,
            BetType.TIERCE, BetType.QUINTE_PLUS);

    private final ProgrammeDesk desk;
    private final Programme programme;
    private final TestAccounts accounts;
    private final Wallets wallets;
    private final JdbcClient jdbc;
    private final Clock clock;

    ToteFixtures(ProgrammeDesk desk, Programme programme, TestAccounts accounts, Wallets wallets, JdbcClient jdbc, Clock clock) {
        this.desk = desk;
        this.programme = programme;
        this.accounts = accounts;
        this.wallets = wallets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An OPEN race of 10 runners starting in an hour and a half, on a meeting of its own. */
    public RaceCard openRace() {
        RaceCard race = scheduledRace(Duration.ofMinutes(90));
        try {
            return desk.open(race.id());
        } catch (InvalidTransition opened) {
            // the automatic opening (open-before, 2 h) may get there first: the race is open all the same
            if (opened.from() != RaceStatus.OPEN) {
                throw opened;
            }
            return programme.race(race.id()).orElseThrow();
        }
    }

    RaceCard scheduledRace(Duration startsIn) {
        MeetingCard meeting = meeting();
        return desk.createRace(new ProgrammeDesk.NewRace(meeting.id(), 1, "Prix d'essai",
                clock.instant().plus(startsIn), IntStream.rangeClosed(1, 10)
                        .mapToObj(n -> new ProgrammeDesk.NewRunner(n, "Runner " + n)).toList(), BET_TYPES));
    }

    private MeetingCard meeting() {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            LocalDate date = LocalDate.now(clock).plusDays(random.nextInt(1, 20_000));
            try {
                return desk.createMeeting(new ProgrammeDesk.NewMeeting(date, random.nextInt(1, 100), "Vincennes", "FR"));
            } catch (RuntimeException taken) {
                // another test's meeting has this date and number: draw again
            }
        }
    }

    public static PoolCard pool(RaceCard race, BetType type) {
        return race.pools().stream().filter(p -> p.betType() == type && p.family() == ChannelFamily.ONLINE)
                .findFirst().orElseThrow();
    }

    /** A new adult customer of France with {@code euros} in the wallet. */
    public AccountId player(String euros) {
        AccountId account = accounts.create().id();
        if (Money.parse(euros).isPositive()) {
            wallets.deposit(account, Money.parse(euros), IdempotencyKey.of("test:" + UUID.randomUUID()));
        }
        return account;
    }

    void set(AccountId account, String column, Object value) {
        jdbc.sql("update identity.accounts set " + column + " = :value where id = :id")
                .param("value", value).param("id", account.value()).update();
    }

    public long balance(AccountId account) {
        return wallets.wallet(account).balance().cents();
    }

    long poolTotal(UUID poolId) {
        return jdbc.sql("select coalesce(sum(stake_cents), 0) from tote.pool_stakes where pool_id = :pool")
                .param("pool", poolId).query(Long.class).single();
    }

    long onCombination(UUID poolId, long key) {
        return jdbc.sql("select coalesce(sum(stake_cents), 0) from tote.pool_stakes where pool_id = :pool and combination_key = :key")
                .param("pool", poolId).param("key", key).query(Long.class).single();
    }

    long acceptedStakes(UUID poolId) {
        return jdbc.sql("select coalesce(sum(total_stake_cents), 0) from tote.bets where pool_id = :pool and status = 'ACCEPTED'")
                .param("pool", poolId).query(Long.class).single();
    }

    String status(UUID betId) {
        return jdbc.sql("select status from tote.bets where id = :id").param("id", betId).query(String.class).single();
    }

    List<String> statuses(AccountId account) {
        return jdbc.sql("select status from tote.bets where account_id = :account").param("account", account.value())
                .query(String.class).list();
    }
}
