package dev.paddock.tote.programme;

import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Today's demo programme: R1 Vincennes (trot) and R2 Chantilly (flat), 6 races each, starting from 15
 * minutes after start-up, one every 15 minutes across the two meetings, so races open (2 hours before
 * their start) and close while one watches. R1C4 is the Quinté+ race with 16 runners and every bet type; a
 * Big 5 spans five races of both meetings. Created only if today has no meeting yet, so restarts add
 * nothing; on a restart, today's races still SCHEDULED whose start has passed are moved 10 minutes ahead
 * (one every 5 minutes), so the demo never shows races stuck before a start that is gone.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("paddock.demo-data")
class DemoProgramme implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);

    static final List<String> TROTTERS = List.of("Idao de Tillard", "Hooker Berry", "Go On Boy", "Hokkaido Jiel",
            "Ampia Mede Sm", "Horsy Dream", "Hohneck", "Just Love You", "Keep Going", "Gu d'Heripre",
            "Inmarosa", "Italiano Vero", "Jushua Tree", "Hussard du Landret", "Izoard Vedaquais", "Joviality");
    static final List<String> GALLOPERS = List.of("Ace Impact", "Blue Rose Cen", "Zarakem", "Feed The Flame",
            "Sosie", "Look De Vega", "Iresine", "Goliath", "Al Riffa", "Ebaiyra", "Fantastic Moon", "Haya Zark",
            "Marhaba Ya Sanafi", "Mqse de Sevigne", "Purplepay", "Sparkling Plenty");
    static final String[] R1_NAMES = {"Prix de Bretagne", "Prix de Croix", "Prix de Bourgogne", "Prix d'Amérique",
            "Prix de Paris", "Prix de Cornulier"};
    static final String[] R2_NAMES = {"Prix du Jockey Club", "Prix de Diane", "Prix Jean Prat", "Prix du Lys",
            "Prix de Royaumont", "Prix de la Jonchère"};
    static final Set<BetType> USUAL = EnumSet.of(BetType.SIMPLE_GAGNANT, BetType.SIMPLE_PLACE, BetType.COUPLE_GAGNANT,
            BetType.COUPLE_PLACE, BetType.TRIO, BetType.DEUX_SUR_QUATRE);

    private final ProgrammeDesk desk;
    private final ProgrammeStore store;
    private final ProgrammeProperties properties;
    private final Clock clock;

    DemoProgramme(ProgrammeDesk desk, ProgrammeStore store, ProgrammeProperties properties, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load(LocalDate.ofInstant(clock.instant(), properties.zone()));
    }

    /** Creates the day's demo programme if the day has no meeting, else revives its overdue races. */
    void load(LocalDate day) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (store.anyMeetingOn(day)) {
            revive(day, now);
            return;
        }
        var r1 = desk.createMeeting(new ProgrammeDesk.NewMeeting(day, 1, "Vincennes", "FR"));
        var r2 = desk.createMeeting(new ProgrammeDesk.NewMeeting(day, 2, "Chantilly", "FR"));
        List<RaceCard> inOrder = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant r1Start = now.plus(Duration.ofMinutes(15 + 30L * i));
            boolean quinte = i == 3;
            inOrder.add(desk.createRace(new ProgrammeDesk.NewRace(r1.id(), i + 1, R1_NAMES[i], r1Start,
                    runners(TROTTERS, quinte ? 16 : 10 + i, i), quinte ? EnumSet.complementOf(EnumSet.of(BetType.BIG5)) : USUAL)));
            inOrder.add(desk.createRace(new ProgrammeDesk.NewRace(r2.id(), i + 1, R2_NAMES[i],
                    r1Start.plus(Duration.ofMinutes(15)), runners(GALLOPERS, 8 + i, i), USUAL)));
        }
        desk.createBig5(inOrder.subList(2, 7).stream().map(RaceCard::id).toList());
        log.info("Demo tote programme of {} created: R1 Vincennes and R2 Chantilly, 12 races and a Big 5", day);
    }

    private void revive(LocalDate day, Instant now) {
        int moved = 0;
        for (Loaded.Meeting meeting : store.day(day)) {
            for (Loaded.Race race : meeting.races()) {
                if (race.card().status() == RaceStatus.SCHEDULED && !race.card().startsAt().isAfter(now)) {
                    desk.moveStart(race.card().id(), null, now.plus(Duration.ofMinutes(10 + 5L * moved++)));
                }
            }
        }
        if (moved > 0) {
            log.info("Demo tote programme of {}: {} overdue race(s) moved ahead", day, moved);
        }
    }

    private static List<ProgrammeDesk.NewRunner> runners(List<String> names, int count, int shift) {
        List<ProgrammeDesk.NewRunner> runners = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            runners.add(new ProgrammeDesk.NewRunner(n, names.get((n - 1 + shift * 3) % names.size())));
        }
        return runners;
    }
}
