package dev.paddock.events.organizer;

import static dev.paddock.events.organizer.OrganizerFixtures.api;
import static dev.paddock.events.organizer.OrganizerFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.events.organizer.OrganizerFixtures.Athlete;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The organizer's participant list and its exports, read back and checked for private fields. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ParticipantsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizerFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final UUID organizer = UUID.randomUUID();
    UUID race;

    /** Two confirmed athletes with answers (club public; T-shirt and emergency contact private), one waitlisted. */
    UUID event() {
        UUID event = fixtures.event(organizer);
        race = fixtures.race(event, "m", 10, "AT_PAYMENT");
        UUID order = fixtures.order(event, 19_000, 0, Instant.now());
        UUID anna = fixtures.registration(race, "CONFIRMED", order, null, new Athlete("Anna", "Meier", "F",
                LocalDate.of(1988, 3, 3), "CH", "{\"club\":\"LC Zürich\",\"tshirt\":\"S\",\"emergency\":\"+41 79 111\"}", null),
                Instant.now());
        fixtures.registration(race, "CONFIRMED", order, null, new Athlete("Jean", "Dupont, fils", "M",
                LocalDate.of(1975, 7, 7), "FR", "{\"tshirt\":\"L\",\"emergency\":\"Marie \\\"Mum\\\"\"}", null), Instant.now());
        fixtures.registration(race, "WAITLISTED", null, null, new Athlete("Wanda", "Wait", "F",
                LocalDate.of(1990, 1, 1), "DE", "{\"club\":\"TV Bern\",\"tshirt\":\"M\",\"emergency\":\"112\"}", null), null);
        jdbc.sql("update events.registrations set bib = 42 where id = ?").params(anna).update();
        return event;
    }

    @Test
    void theListSearchesByNameEmailAndBibAndShowsPrivateFields() throws Exception {
        UUID event = event();
        String list = "/api/events/organizer/events/" + event + "/participants";
        mvc.perform(get(list).with(api(organizer, "ORGANIZER"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].bib").value(42))
                .andExpect(jsonPath("$.items[0].answers.tshirt").value("S"))
                .andExpect(jsonPath("$.items[0].answers.emergency").value("+41 79 111"))
                .andExpect(jsonPath("$.items[0].category").value("W30"));
        mvc.perform(get(list).param("q", "42").with(api(organizer, "ORGANIZER")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].lastName").value("Meier"));
        mvc.perform(get(list).param("q", "dupont").with(api(organizer, "ORGANIZER")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].firstName").value("Jean"));
        mvc.perform(get(list).param("q", "anna meier").with(api(organizer, "ORGANIZER"))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get(list).param("q", "wanda.wait@").with(api(organizer, "ORGANIZER"))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get(list).param("q", "%").with(api(organizer, "ORGANIZER"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get(list).param("status", "waitlisted").with(api(organizer, "ORGANIZER")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].status").value("WAITLISTED"));
        mvc.perform(get(list).param("race", race.toString()).param("page", "1").with(api(organizer, "ORGANIZER")))
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get(list).param("status", "LOST").with(api(organizer, "ORGANIZER"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get(list).with(api(UUID.randomUUID(), "ORGANIZER"))).andExpect(status().isForbidden());
    }

    @Test
    void csvPublicShowsConfirmedAthletesWithoutPrivateFieldsAndAllShowsEverything() throws Exception {
        UUID event = event();
        String csv = "/api/events/organizer/events/" + event + "/participants.csv";
        List<CSVRecord> open = csv(mvc.perform(get(csv).param("fields", "public").with(api(organizer, "ORGANIZER")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(open.getFirst().values()).containsExactly("race", "bib", "wave", "last_name", "first_name", "gender",
                "nationality", "category", "team", "club");
        assertThat(open).hasSize(3);
        assertThat(open.get(1).values()).containsExactly("m", "42", "", "Meier", "Anna", "F", "CH", "W30", "", "LC Zürich");
        assertThat(open.get(2).get(3)).isEqualTo("Dupont, fils");
        String everything = String.join("\n", open.stream().map(r -> String.join(",", r.values())).toList());
        assertThat(everything).doesNotContain("+41 79 111", "Mum", "Wanda", "@example.test");

        List<CSVRecord> all = csv(mvc.perform(get(csv).param("fields", "all").with(api(organizer, "ORGANIZER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        List<String> header = all.getFirst().values() == null ? List.of() : List.of(all.getFirst().values());
        assertThat(header).contains("status", "email", "birth_date", "club", "tshirt", "emergency")
                .endsWith("club", "tshirt", "emergency");
        assertThat(all).hasSize(4);
        int emergency = header.indexOf("emergency");
        assertThat(all.stream().skip(1).map(r -> r.get(emergency)).toList()).containsExactly("+41 79 111", "Marie \"Mum\"", "112");

        mvc.perform(get(csv).param("fields", "all").with(api(UUID.randomUUID(), "ORGANIZER"))).andExpect(status().isForbidden());
        mvc.perform(get(csv).param("fields", "public").with(api(UUID.randomUUID(), "CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get(csv).param("fields", "some").with(api(organizer, "ORGANIZER"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fields"));
        mvc.perform(get(csv).param("fields", "all").with(api(UUID.randomUUID(), "OPERATOR"))).andExpect(status().isOk());
    }

    @Test
    void excelExportsReadBackWithTheSameColumnsAndTheSessionLinkWorks() throws Exception {
        UUID event = event();
        String xlsx = "/organizer/events/" + event + "/participants.xlsx";
        List<List<String>> open = xlsx(mvc.perform(get(xlsx).param("fields", "public").with(page(organizer, "ORGANIZER")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("participants-test-")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(open.getFirst()).containsExactly("race", "bib", "wave", "last_name", "first_name", "gender", "nationality",
                "category", "team", "club");
        assertThat(open).hasSize(3);
        assertThat(open.get(1)).containsExactly("m", "42", "", "Meier", "Anna", "F", "CH", "W30", "", "LC Zürich");
        assertThat(open.toString()).doesNotContain("+41 79 111", "tshirt");

        List<List<String>> all = xlsx(mvc.perform(get("/api/events/organizer/events/" + event + "/participants.xlsx")
                .param("fields", "all").with(api(organizer, "ORGANIZER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(all).hasSize(4);
        assertThat(all.getFirst()).contains("tshirt", "emergency", "email");
        assertThat(all.toString()).contains("+41 79 111", "Marie \"Mum\"");
        mvc.perform(get(xlsx).param("fields", "public").with(page(UUID.randomUUID(), "ORGANIZER"))).andExpect(status().isForbidden());
    }

    @Test
    void twentyThousandRowsStreamOut() throws Exception {
        UUID event = event();
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, order_id, buyer_account_id, status, first_name,
                    last_name, gender, birth_date, nationality, email, answers, created_at, confirmed_at)
                select gen_random_uuid(), ?, ?, (select order_id from events.registrations where race_id = ? and order_id is not null limit 1),
                    gen_random_uuid(), 'CONFIRMED', 'Runner', 'N' || n, 'M', date '1980-01-01', 'CH',
                    'r' || n || '@example.test', jsonb_build_object('club', 'Club ' || n, 'tshirt', 'M'), now(), now()
                from generate_series(1, 20000) n""").params(race, event, race).update();
        List<List<String>> rows = xlsx(mvc.perform(get("/api/events/organizer/events/" + event + "/participants.xlsx")
                .param("fields", "public").with(api(organizer, "ORGANIZER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(rows).hasSize(20_003);
        byte[] csv = mvc.perform(get("/api/events/organizer/events/" + event + "/participants.csv").param("fields", "all")
                .with(api(organizer, "ORGANIZER"))).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv(csv)).hasSize(20_004);
    }

    @Test
    void thePageListsAndFiltersWithHtmx() throws Exception {
        UUID event = event();
        String url = "/organizer/events/" + event + "/participants";
        mvc.perform(get(url).with(page(organizer, "ORGANIZER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Meier, Anna")))
                .andExpect(content().string(containsString("LC Zürich")))
                .andExpect(content().string(containsString("participants.xlsx?")))
                .andExpect(content().string(containsString("<html")));
        mvc.perform(get(url).param("q", "dupont").header("HX-Request", "true").with(page(organizer, "ORGANIZER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dupont, fils")))
                .andExpect(content().string(not(containsString("Meier, Anna"))))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get(url).with(page(UUID.randomUUID(), "ORGANIZER"))).andExpect(status().isForbidden());
    }

    static List<CSVRecord> csv(byte[] body) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(new String(body, StandardCharsets.UTF_8))).getRecords();
    }

    static List<List<String>> xlsx(byte[] body) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : cell.getText());
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
