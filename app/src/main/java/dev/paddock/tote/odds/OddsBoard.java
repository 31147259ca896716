package dev.paddock.tote.odds;

import dev.paddock.live.LiveChannel;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.parimutuel.CombinationKey;
import dev.paddock.parimutuel.CoupleOdds;
import dev.paddock.parimutuel.PlaceOdds;
import dev.paddock.parimutuel.ProbableOdds;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.LiveTotals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Probable odds of every open race, recomputed every {@code paddock.tote.odds.refresh} (1 s) on the
 * scheduler's thread from copies of the live pool totals, so the bet writer never waits for them. Open
 * pages are told on topic {@code race:<id>}, event {@code odds}, only when the odds changed; they re-fetch
 * the fragment.
 */
@Component
class OddsBoard {

    private static final Logger log = LoggerFactory.getLogger(OddsBoard.class);

    private final JdbcClient jdbc;
    private final Programme programme;
    private final LiveTotals totals;
    private final LiveChannel live;
    private final Clock clock;
    private final Map<UUID, RaceOdds> current = new ConcurrentHashMap<>();

    OddsBoard(JdbcClient jdbc, Programme programme, LiveTotals totals, LiveChannel live, Clock clock) {
        this.jdbc = jdbc;
        this.programme = programme;
        this.totals = totals;
        this.live = live;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${paddock.tote.odds.refresh:1s}")
    void refresh() {
        List<UUID> open = jdbc.sql("select id from tote.races where status = 'OPEN'").query(UUID.class).list();
        current.keySet().retainAll(open);
        for (UUID raceId : open) {
            try {
                odds(raceId).ifPresent(odds -> {
                    RaceOdds before = current.put(raceId, odds);
                    if (!odds.sameOdds(before)) {
                        live.toTopic("race:" + raceId, "odds", Map.of("raceId", raceId, "at", odds.at()));
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Probable odds of race {} not refreshed", raceId, e);
            }
        }
    }

    /** The latest odds of an open race, or computed now for any other race. */
    Optional<RaceOdds> latest(UUID raceId) {
        RaceOdds odds = current.get(raceId);
        return odds != null ? Optional.of(odds) : odds(raceId);
    }

    Optional<RaceOdds> odds(UUID raceId) {
        return programme.race(raceId).map(this::compute);
    }

    private RaceOdds compute(RaceCard race) {
        List<RaceOdds.Win> win = new ArrayList<>();
        List<RaceOdds.Place> place = new ArrayList<>();
        List<RaceOdds.Couple> couple = new ArrayList<>();
        pool(race, BetType.SIMPLE_GAGNANT).ifPresent(p -> totals.snapshot(p.id()).ifPresent(t ->
                ProbableOdds.win(t, p.takeoutBasisPoints()).forEach((runner, dividend) ->
                        win.add(new RaceOdds.Win(runner, dividend)))));
        int starters = race.starters().size();
        if (starters >= 4) {
            pool(race, BetType.SIMPLE_PLACE).ifPresent(p -> totals.snapshot(p.id()).ifPresent(t -> {
                Map<Integer, PlaceOdds> odds = ProbableOdds.place(t, p.takeoutBasisPoints(), starters);
                odds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                        place.add(new RaceOdds.Place(e.getKey(), e.getValue().min(), e.getValue().max())));
            }));
        }
        pool(race, BetType.COUPLE_GAGNANT).ifPresent(p -> totals.snapshot(p.id()).ifPresent(t -> {
            CoupleOdds odds = ProbableOdds.couple(t, p.takeoutBasisPoints());
            odds.dividendsByPair().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                int[] pair = CombinationKey.decode(e.getKey());
                couple.add(new RaceOdds.Couple(pair[0], pair[1], e.getValue()));
            });
        }));
        return new RaceOdds(race.id(), clock.instant(), win, place, couple);
    }

    private static Optional<PoolCard> pool(RaceCard race, BetType type) {
        return race.pools().stream().filter(p -> p.betType() == type && p.family() == ChannelFamily.ONLINE
                && p.raceIds().equals(List.of(race.id()))).findFirst();
    }
}
