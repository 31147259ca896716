package dev.paddock.tote.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.security.AccountPrincipal;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.MeetingCard;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ProgrammePagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgrammeDesk desk;

    @Autowired
    ProgrammeStore store;

    @Autowired
    ProgrammeProperties properties;

    @Autowired
    Programme programme;

    @Autowired
    Clock clock;

    @Test
    void anyoneSeesTheDayInEnglishAndFrench() throws Exception {
        LocalDate date = ProgrammeApiIT.someDate();
        RaceCard race = race(date, "Prix d'Amérique");

        mvc.perform(get("/tote").param("date", date.toString()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Race programme"), containsString("R1"),
                        containsString("Vincennes"), containsString("R1C1"), containsString("Prix d&#39;Amérique"),
                        containsString("href=\"/tote/races/" + race.id() + "\""), containsString("Scheduled"),
                        containsString("data-countdown=\"" + race.startsAt() + "\""), containsString("/js/tote.js"))));
        mvc.perform(get("/tote").param("date", date.toString()).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Programme des courses"), containsString("Programmée"),
                        containsString("Départ dans"), not(containsString("??")))));
        mvc.perform(get("/tote").param("date", date.plusDays(1).toString()).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andExpect(content().string(containsString("No meeting on this day.")));
    }

    @Test
    void theRacePageShowsRunnersPoolsAndAPlaceForLiveOdds() throws Exception {
        RaceCard race = race(ProgrammeApiIT.someDate(), "Prix de Paris");
        desk.declareNonRunner(race.id(), 2);

        mvc.perform(get("/tote/races/" + race.id()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Horse 1"), containsString("Non-runner"),
                        containsString("<section id=\"probable-odds\""),
                        containsString("data-live=\"/live/stream?topic=race:" + race.id() + "\""),
                        containsString("data-live-events=\"odds, result\""), containsString("Quinté+"),
                        containsString("35.65"), containsString("€2.00"))));
        mvc.perform(get("/tote/races/" + java.util.UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/tote/races/" + race.id()).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Partants"), containsString("Non-partant"),
                        containsString("Rapports probables"), containsString("35,65"), not(containsString("??")))));
    }

    @Test
    void onlyOperatorsSeeTheBackOffice() throws Exception {
        mvc.perform(get("/backoffice/tote").with(signedIn("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get("/backoffice").with(signedIn("OPERATOR")).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("href=\"/backoffice/tote\"")));
        LocalDate date = ProgrammeApiIT.someDate();
        RaceCard race = race(date, "Prix de Croix");
        desk.open(race.id());

        mvc.perform(get("/backoffice/tote").param("date", date.toString()).with(signedIn("OPERATOR")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Stop betting"), containsString("data-confirm="),
                        containsString("Declare non-runner"), containsString("Move start"), containsString("Cancel race"),
                        containsString("New meeting on this day"), containsString("name=\"_csrf\""))));
        mvc.perform(get("/backoffice/tote").param("date", date.toString()).with(signedIn("ADMIN")).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Arrêter les paris"), containsString("Déclarer non-partant"),
                        not(containsString("??")))));
    }

    @Test
    void anOperatorRunsTheDayFromTheBackOffice() throws Exception {
        LocalDate date = ProgrammeApiIT.someDate();
        String back = "/backoffice/tote?date=" + date;
        mvc.perform(post("/backoffice/tote/meetings").with(signedIn("OPERATOR")).with(csrf()).locale(Locale.ENGLISH)
                        .param("date", date.toString()).param("number", "1").param("venue", "Deauville").param("country", "FR"))
                .andExpect(redirectedUrl(back)).andExpect(flash().attribute("flash", "Meeting created."));
        MeetingCard meeting = programme.day(date).getFirst();

        String start = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(3)), properties.zone())
                .withSecond(0).withNano(0).toString();
        mvc.perform(post("/backoffice/tote/meetings/" + meeting.id() + "/races").with(signedIn("OPERATOR")).with(csrf())
                        .locale(Locale.ENGLISH).param("date", date.toString()).param("number", "1")
                        .param("name", "Prix de Deauville").param("startsAt", start)
                        .param("runners", "1 Ace Impact\n2. Sosie\n\n3 Goliath\r\n4 Iresine")
                        .param("betTypes", "SIMPLE_GAGNANT", "TRIO"))
                .andExpect(redirectedUrl(back)).andExpect(flash().attribute("flash", "Race created with its pools."));
        RaceCard race = programme.day(date).getFirst().races().getFirst();
        assertThat(race.runners()).extracting(r -> r.number() + " " + r.name())
                .containsExactly("1 Ace Impact", "2 Sosie", "3 Goliath", "4 Iresine");
        assertThat(race.pools()).hasSize(4);

        mvc.perform(post("/backoffice/tote/meetings/" + meeting.id() + "/races").with(signedIn("OPERATOR")).with(csrf())
                        .locale(Locale.ENGLISH).param("date", date.toString()).param("number", "2")
                        .param("name", "Prix").param("startsAt", "tomorrow").param("runners", "1 A\n2 B"))
                .andExpect(redirectedUrl(back))
                .andExpect(flash().attribute("flashError", containsString("Refused: The start time")));

        mvc.perform(post("/backoffice/tote/races/" + race.id() + "/open").with(signedIn("OPERATOR")).with(csrf())
                        .locale(Locale.ENGLISH).param("date", date.toString()))
                .andExpect(flash().attribute("flash", "Betting is open."));
        mvc.perform(post("/backoffice/tote/races/" + race.id() + "/non-runners").with(signedIn("OPERATOR")).with(csrf())
                        .locale(Locale.ENGLISH).param("date", date.toString()).param("runner", "3"))
                .andExpect(flash().attribute("flash", "Non-runner declared."));
        mvc.perform(post("/backoffice/tote/races/" + race.id() + "/close").with(signedIn("OPERATOR")).with(csrf())
                        .locale(Locale.ENGLISH).param("date", date.toString()))
                .andExpect(flash().attribute("flash", "Betting is stopped."));
        mvc.perform(post("/backoffice/tote/races/" + race.id() + "/open").with(signedIn("OPERATOR")).with(csrf())
                        .locale(Locale.ENGLISH).param("date", date.toString()))
                .andExpect(flash().attribute("flashError", containsString("cannot go from CLOSED to OPEN")));
        assertThat(programme.race(race.id()).orElseThrow().status()).isEqualTo(RaceStatus.CLOSED);
        assertThat(programme.race(race.id()).orElseThrow().runner(3).orElseThrow().nonRunner()).isTrue();

        mvc.perform(post("/backoffice/tote/races/" + race.id() + "/close").with(signedIn("OPERATOR"))
                        .param("date", date.toString()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/backoffice/tote/races/" + race.id() + "/cancel").with(signedIn("CUSTOMER")).with(csrf())
                        .param("date", date.toString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBig5IsMadeFromTheBackOffice() throws Exception {
        LocalDate date = ProgrammeApiIT.someDate();
        MeetingCard meeting = desk.createMeeting(new ProgrammeDesk.NewMeeting(date, 1, "Longchamp", "FR"));
        List<String> legs = IntStream.rangeClosed(1, 5).mapToObj(n -> desk.createRace(new ProgrammeDesk.NewRace(
                meeting.id(), n, "Prix " + n, clock.instant().plus(Duration.ofHours(3 + n)), runners(8),
                EnumSet.of(BetType.SIMPLE_GAGNANT))).id().toString()).toList();
        mvc.perform(post("/backoffice/tote/big5").with(signedIn("OPERATOR")).with(csrf()).locale(Locale.ENGLISH)
                        .param("date", date.toString()).param("legs", legs.toArray(String[]::new)))
                .andExpect(flash().attribute("flash", "Big 5 created (online and retail pools)."));
        mvc.perform(get("/backoffice/tote").param("date", date.toString()).with(signedIn("OPERATOR")).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("R1C1 → R1C2 → R1C3 → R1C4 → R1C5")));
        mvc.perform(post("/backoffice/tote/big5").with(signedIn("OPERATOR")).with(csrf()).locale(Locale.ENGLISH)
                        .param("date", date.toString()).param("legs", "not-a-race", "", "", "", ""))
                .andExpect(flash().attribute("flashError", containsString("Refused")));
    }

    @Test
    void theDemoProgrammeIsCreatedOnce() {
        LocalDate date = ProgrammeApiIT.someDate();
        DemoProgramme demo = new DemoProgramme(desk, store, properties, clock);
        demo.load(date);
        demo.load(date);

        List<MeetingCard> day = programme.day(date);
        assertThat(day).extracting(MeetingCard::venue).containsExactly("Vincennes", "Chantilly");
        assertThat(day).allSatisfy(m -> assertThat(m.races()).hasSize(6));
        RaceCard quinte = day.getFirst().races().get(3);
        assertThat(quinte.runners()).hasSize(16);
        assertThat(quinte.pools()).extracting(p -> p.betType()).contains(BetType.QUINTE_PLUS, BetType.MULTI, BetType.BIG5);
        assertThat(day.stream().flatMap(m -> m.races().stream()).flatMap(r -> r.pools().stream())
                .filter(p -> p.betType() == BetType.BIG5).map(p -> p.id()).distinct()).hasSize(2);
        assertThat(day.stream().flatMap(m -> m.races().stream()))
                .allSatisfy(r -> assertThat(r.startsAt()).isAfter(clock.instant()));
    }

    private RaceCard race(LocalDate date, String name) {
        MeetingCard meeting = desk.createMeeting(new ProgrammeDesk.NewMeeting(date, 1, "Vincennes", "FR"));
        return desk.createRace(new ProgrammeDesk.NewRace(meeting.id(), 1, name,
                clock.instant().plus(Duration.ofHours(3)), runners(8), EnumSet.complementOf(EnumSet.of(BetType.BIG5))));
    }

    private static List<ProgrammeDesk.NewRunner> runners(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> new ProgrammeDesk.NewRunner(n, "Horse " + n)).toList();
    }

    private static RequestPostProcessor signedIn(String role) {
        return user(new AccountPrincipal(AccountId.random(), "x@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
