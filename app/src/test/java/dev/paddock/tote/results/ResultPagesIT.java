package dev.paddock.tote.results;

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
import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.security.AccountPrincipal;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.programme.ProgrammeDesk;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
class ResultPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResultFixtures fixtures;

    @Autowired
    ResultDesk desk;

    @Autowired
    ProgrammeDesk programme;

    @Autowired
    Programme cards;

    @Autowired
    ResultStore store;

    @Autowired
    TestAccounts accounts;

    @Test
    void anyoneSeesTheArrivalWithItsDeadHeatsAndTheSlotOfTheDividends() throws Exception {
        RaceCard race = fixtures.closedRace(9);
        String page = "/tote/races/" + race.id() + "/result";
        mvc.perform(get(page).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No result yet."),
                        containsString("hx-get=\"/tote/races/" + race.id() + "/dividends\""),
                        containsString("live:dividends from:body"), containsString("live:result from:body"),
                        containsString("data-live-events=\"result, dividends\""),
                        containsString("topic=race:" + race.id()))));

        fixtures.official(race.id(), "3 1=7 5 2", "4");

        mvc.perform(get(page).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Official result"), containsString("version 1"),
                        containsString("Runner 3"), containsString("dead heat"), containsString("Non-runners"),
                        containsString("9 Runner 9"), containsString("Disqualified"), containsString("4 Runner 4"),
                        not(containsString("No result yet.")))));
        mvc.perform(get(page).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Arrivée officielle"), containsString("ex aequo"),
                        containsString("Non-partants"), containsString("Distancés"), not(containsString("??")))));
        mvc.perform(get("/tote/races/" + UUID.randomUUID() + "/result")).andExpect(status().isNotFound());
    }

    @Test
    void theRacePageShowsTheArrivalOnceThereIsOneAndRefreshesItLive() throws Exception {
        RaceCard race = fixtures.closedRace();
        String fragment = "/tote/races/" + race.id() + "/result/arrival";
        mvc.perform(get("/tote").param("date", meetingDate(race)).locale(Locale.ENGLISH))
                .andExpect(content().string(not(containsString("/tote/races/" + race.id() + "/result"))));
        mvc.perform(get("/tote/races/" + race.id()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-get=\"" + fragment + "?link=true\""),
                        containsString("data-live-events=\"odds, result\""), not(containsString(">Result</a>")))));
        mvc.perform(get(fragment).param("link", "true").locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("live:result from:body"), not(containsString("Arrival")))));

        fixtures.provisional(race.id(), "2 1 3 4 5", "");

        mvc.perform(get(fragment).param("link", "true").locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Provisional result"), containsString("Runner 2"),
                        containsString("href=\"/tote/races/" + race.id() + "/result\""))));
        mvc.perform(get("/tote/races/" + race.id()).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("href=\"/tote/races/" + race.id() + "/result\"")));
        mvc.perform(get("/tote").param("date", meetingDate(race)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/tote/races/" + race.id() + "/result\"")));
    }

    @Test
    void anOperatorEntersCorrectsAndConfirmsTheArrivalFromTheBackOffice() throws Exception {
        RaceCard race = fixtures.closedRace(9);
        String page = "/backoffice/tote/races/" + race.id() + "/result";
        var account = accounts.create(Role.OPERATOR);
        RequestPostProcessor operator = user(TestAccounts.principal(account));

        mvc.perform(get(page).with(operator).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Enter the provisional result"),
                        containsString("9 Runner 9 (NP)"), containsString("Nothing entered yet."),
                        containsString("name=\"_csrf\""))));

        mvc.perform(post(page).with(operator).with(csrf()).locale(Locale.ENGLISH)
                        .param("finish", "3 1 = 7 5 x").param("disqualified", "4").param("version", "0"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flashError", containsString("\"x\" is not a runner number")))
                .andExpect(flash().attribute("finish", "3 1 = 7 5 x"));
        mvc.perform(post(page).with(operator).with(csrf()).locale(Locale.ENGLISH)
                        .param("finish", "3 1 = 7 5 2").param("disqualified", "4").param("version", "0"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("flash", "Result entered (provisional)."));
        assertThat(cards.race(race.id()).orElseThrow().status()).isEqualTo(RaceStatus.RESULT_PROVISIONAL);

        mvc.perform(post(page).with(operator).with(csrf()).locale(Locale.ENGLISH)
                        .param("finish", "3 1 7 5 2").param("disqualified", "4").param("version", "1"))
                .andExpect(flash().attribute("flashError", containsString("A correction says why")));
        mvc.perform(post(page).with(operator).with(csrf()).locale(Locale.ENGLISH)
                        .param("finish", "3 1 7 5 2").param("disqualified", "4").param("version", "1")
                        .param("reason", "Photo finish"))
                .andExpect(flash().attribute("flash", "Result entered (provisional)."));
        mvc.perform(post(page + "/official").with(operator).with(csrf()).locale(Locale.ENGLISH).param("version", "1"))
                .andExpect(flash().attribute("flashError", containsString("changed this result meanwhile")));
        mvc.perform(post(page + "/official").with(operator).with(csrf()).locale(Locale.ENGLISH).param("version", "2"))
                .andExpect(flash().attribute("flash", "The result is official."));
        assertThat(cards.race(race.id()).orElseThrow().status()).isEqualTo(RaceStatus.RESULT_OFFICIAL);

        mvc.perform(get(page).with(operator).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Correct the result"), containsString("Official result"),
                        containsString("version 2"), containsString("value=\"3 1 7 5 2\""), containsString("Photo finish"),
                        containsString("Entered"), containsString("Corrected"), containsString("Made official"),
                        containsString("3 1=7 5 2"), containsString(account.email()),
                        not(containsString("Make official</button>")))));
        mvc.perform(get(page).with(operator).param("lang", "fr"))
                .andExpect(content().string(allOf(containsString("Corriger l’arrivée"), containsString("Historique"),
                        not(containsString("??")))));
        mvc.perform(get("/backoffice/tote").with(operator).param("date", meetingDate(race)))
                .andExpect(content().string(containsString("href=\"" + page + "\"")));
    }

    @Test
    void onlyOperatorsReachTheResultBackOffice() throws Exception {
        RaceCard race = fixtures.closedRace();
        String page = "/backoffice/tote/races/" + race.id() + "/result";
        mvc.perform(get(page).with(signedIn("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(post(page).with(signedIn("CUSTOMER")).with(csrf()).param("finish", "1 2 3 4 5"))
                .andExpect(status().isForbidden());
        mvc.perform(post(page).with(signedIn("OPERATOR")).param("finish", "1 2 3 4 5")).andExpect(status().isForbidden());
        assertThat(desk.current(race.id())).isEmpty();
    }

    private String meetingDate(RaceCard race) {
        return store.race(race.id()).orElseThrow().date().toString();
    }

    private static RequestPostProcessor signedIn(String role) {
        return user(new AccountPrincipal(AccountId.random(), "x@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
