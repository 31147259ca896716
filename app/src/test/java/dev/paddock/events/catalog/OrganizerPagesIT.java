package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.security.AccountPrincipal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The done-criterion through the organizer pages: an organizer sets up an event with custom fields and a
 * team race in the UI, form post after form post, and athletes then see it in the catalogue.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class OrganizerPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final AccountId organizer = AccountId.random();

    @Test
    void anOrganizerSetsUpAnEventWithCustomFieldsAndATeamRaceInTheUi() throws Exception {
        String slug = OrganizerApiIT.slug();
        LocalDate day = LocalDate.now().plusMonths(3);
        mvc.perform(get("/organizer/events/new").with(signedIn(organizer, "ORGANIZER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("name=\"slug\"")));
        String location = form(post("/organizer/events"), Map.of("slug", slug, "name", "Patrouille Test", "sport",
                "SKI_MOUNTAINEERING", "venue", "Zermatt", "region", "Valais", "country", "ch", "startsOn", day.toString(),
                "endsOn", day.toString(), "transferFee", "25"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String eventId = location.substring("/organizer/events/".length());
        UUID event = UUID.fromString(eventId);

        LocalDateTime start = day.atTime(6, 0);
        String opens = LocalDateTime.now().minusDays(1).withSecond(0).withNano(0).toString();
        form(post("/organizer/events/" + eventId + "/races"), Map.ofEntries(Map.entry("code", "patrol"),
                Map.entry("name", "Patrol Z1"), Map.entry("distanceM", "57000"), Map.entry("elevationGainM", "4000"),
                Map.entry("startsAt", start.toString()), Map.entry("capacity", "40"), Map.entry("mode", "FIRST_COME"),
                Map.entry("bibMode", "AT_PAYMENT"), Map.entry("registrationOpensAt", opens),
                Map.entry("registrationClosesAt", start.minusDays(7).toString()), Map.entry("teamRace", "true"),
                Map.entry("team.minSize", "3"), Map.entry("team.maxSize", "3"), Map.entry("team.substitutes", "1"),
                Map.entry("team.genderRule", "ANY")))
                .andExpect(status().is3xxRedirection());
        UUID race = jdbc.sql("select id from events.races where event_id = :e and code = 'patrol'").param("e", event)
                .query(UUID.class).single();
        assertThat(jdbc.sql("select team_min_size from events.races where id = :r").param("r", race).query(Integer.class)
                .single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from events.places where race_id = :r").param("r", race).query(Integer.class)
                .single()).isEqualTo(40);

        form(post("/organizer/races/" + race + "/fields"), Map.ofEntries(
                Map.entry("fields[0].key", "club"), Map.entry("fields[0].label", "Club"), Map.entry("fields[0].type", "TEXT"),
                Map.entry("fields[0].visibility", "PUBLIC"),
                Map.entry("fields[1].key", ""), Map.entry("fields[1].label", ""), Map.entry("fields[1].type", "TEXT"),
                Map.entry("fields[2].key", "tshirt"), Map.entry("fields[2].label", "T-shirt"),
                Map.entry("fields[2].type", "CHOICE"), Map.entry("fields[2].visibility", "PRIVATE"),
                Map.entry("fields[2].options", "S, M, L"), Map.entry("fields[2].required", "true")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select fields::text from events.races where id = :r").param("r", race).query(String.class).single())
                .contains("\"club\"").contains("\"PUBLIC\"").contains("[\"S\", \"M\", \"L\"]").contains("\"PRIVATE\"");

        form(post("/organizer/races/" + race + "/price-tiers"), Map.of("priceTiers[0].name", "Early bird",
                "priceTiers[0].startsAt", opens, "priceTiers[0].endsAt", start.minusDays(30).toString(),
                "priceTiers[0].price", "450"))
                .andExpect(status().is3xxRedirection());
        form(post("/organizer/events/" + eventId + "/promo-codes"), Map.of("code", "club-10", "kind", "PERCENT",
                "percent", "10")).andExpect(status().is3xxRedirection());
        form(post("/organizer/events/" + eventId + "/publish"), Map.of()).andExpect(status().is3xxRedirection());

        mvc.perform(get("/organizer/events/" + eventId).with(signedIn(organizer, "ORGANIZER")).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Published")))
                .andExpect(content().string(containsString("CLUB-10")))
                .andExpect(content().string(containsString("/organizer/events/" + eventId + "/dashboard")));
        mvc.perform(get("/events/" + slug).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Patrol Z1")))
                .andExpect(content().string(containsString("/events/" + slug + "/patrol/team")))
                .andExpect(content().string(containsString("40 of 40 left")))
                .andExpect(content().string(not(containsString("/events/" + slug + "/patrol/register"))));
        mvc.perform(get("/organizer").with(signedIn(organizer, "ORGANIZER")))
                .andExpect(content().string(containsString("Patrouille Test")));

        mvc.perform(get("/organizer/events/" + eventId).with(signedIn(organizer, "ORGANIZER")).locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Champs personnalisés (2)")));
        mvc.perform(get("/events/" + slug).locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Inscrire une équipe")))
                .andExpect(content().string(containsString("3 à 3 équipiers, jusqu&#39;à 1 remplaçants")));
        mvc.perform(get("/events").param("q", "Patrouille Test").locale(Locale.FRENCH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ski-alpinisme")));
    }

    @Test
    void aRefusedFormShowsEachProblemNextToItsInputAndAStaleEditSaysSo() throws Exception {
        String slug = OrganizerApiIT.slug();
        LocalDate day = LocalDate.now().plusMonths(3);
        mvc.perform(post("/organizer/events").with(signedIn(organizer, "ORGANIZER")).with(csrf()).locale(Locale.ENGLISH)
                        .param("slug", "Not A Slug").param("name", "").param("sport", "RUNNING").param("venue", "Bern")
                        .param("country", "CH").param("startsOn", day.toString()).param("endsOn", "someday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"event-slug-error\"")))
                .andExpect(content().string(containsString("id=\"event-name-error\"")))
                .andExpect(content().string(containsString("id=\"event-endsOn-error\"")))
                .andExpect(content().string(containsString("value=\"Not A Slug\"")));

        String location = form(post("/organizer/events"), Map.of("slug", slug, "name", "Stale Test", "sport", "RUNNING",
                "venue", "Bern", "country", "CH", "startsOn", day.toString(), "endsOn", day.toString()))
                .andReturn().getResponse().getRedirectedUrl();
        String eventId = location.substring("/organizer/events/".length());
        form(post("/organizer/events/" + eventId + "/races"), Map.ofEntries(Map.entry("code", "10k"),
                Map.entry("name", "10 km"), Map.entry("distanceM", "10000"), Map.entry("startsAt", day.atTime(9, 0).toString()),
                Map.entry("capacity", "10"), Map.entry("registrationOpensAt", day.minusMonths(2).atStartOfDay().toString()),
                Map.entry("registrationClosesAt", day.minusDays(1).atStartOfDay().toString())))
                .andExpect(status().is3xxRedirection());
        UUID race = jdbc.sql("select id from events.races where event_id = :e").param("e", UUID.fromString(eventId))
                .query(UUID.class).single();
        form(post("/organizer/races/" + race + "/fields"), Map.of("fields[0].key", "club", "fields[0].label", "Club",
                "fields[0].type", "TEXT", "fields[0].visibility", "PUBLIC", "fields[3].key", "club",
                "fields[3].label", "Club again", "fields[3].type", "TEXT", "fields[3].visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"fields-" + race + "-fields[3].key-error\"")))
                .andExpect(content().string(containsString("Two fields have the key club")));
        assertThat(jdbc.sql("select fields::text from events.races where id = :r").param("r", race).query(String.class)
                .single()).isEqualTo("[]");

        form(post("/organizer/events/" + eventId), Map.of("version", "0", "name", "First Edit")).andExpect(status().is3xxRedirection());
        form(post("/organizer/events/" + eventId), Map.of("version", "0", "name", "Lost Edit"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone changed this in the meantime")));
        assertThat(jdbc.sql("select name from events.events where id = :e").param("e", UUID.fromString(eventId))
                .query(String.class).single()).isEqualTo("First Edit");

        mvc.perform(get("/organizer/events/" + eventId).with(signedIn(AccountId.random(), "ORGANIZER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organizer/events/" + eventId).with(signedIn(AccountId.random(), "CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organizer/events/" + eventId).with(signedIn(AccountId.random(), "OPERATOR")))
                .andExpect(status().isOk());
    }

    ResultActions form(MockHttpServletRequestBuilder request, Map<String, String> params) throws Exception {
        params.forEach(request::param);
        return mvc.perform(request.with(signedIn(organizer, "ORGANIZER")).with(csrf()).locale(Locale.ENGLISH));
    }

    static RequestPostProcessor signedIn(AccountId account, String role) {
        return user(new AccountPrincipal(account, "x@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
