package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.NewAccount;
import dev.paddock.identity.account.Registration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo event, created by hand here (tests run without demo data): complete, published, and only once. */
@SpringBootTest
@ActiveProfiles("test")
class DemoEventIT {

    @Autowired
    EventSetup setup;

    @Autowired
    EventStore events;

    @Autowired
    RaceStore races;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.paddock.identity.Accounts accountsFacade;

    @Autowired
    Registration registration;

    @Test
    void theDemoEventIsPublishedOpenAndCreatedOnce() {
        if (accountsFacade.findByEmail(EMAIL).isEmpty()) {
            registration.register(new NewAccount(EMAIL, TestAccounts.PASSWORD, "Olivier Organizer", LocalDate.of(1990, 1, 1),
                    "CH"));
        }
        jdbc.sql("insert into identity.account_roles (account_id, role) select id, 'ORGANIZER' from identity.accounts"
                + " where email = :email on conflict do nothing").param("email", EMAIL).update();
        UUID organizer = accountsFacade.findByEmail(EMAIL).orElseThrow().id().value();
        var demo = new DemoEvent(setup, events, accountsFacade, Clock.systemUTC());
        demo.run(null);
        demo.run(null);

        StoredEvent event = events.bySlug(DemoEvent.SLUG).orElseThrow();
        assertThat(event.organizerId()).isEqualTo(organizer);
        assertThat(event.status()).isEqualTo(StoredEvent.Status.PUBLISHED);
        List<StoredRace> list = races.ofEvent(event.id());
        assertThat(list).extracting(r -> r.settings().code())
                .containsExactlyInAnyOrder("marathon", "half", "10k", "relay", "night-run");
        assertThat(list).filteredOn(r -> r.settings().team() != null).hasSize(1);
        assertThat(list).filteredOn(r -> r.settings().mode() == RaceSettings.Mode.LOTTERY).hasSize(1);
        assertThat(list).allSatisfy(r -> {
            assertThat(r.registrationAt(Instant.now()).name()).isEqualTo("OPEN");
            assertThat(r.priceTiers()).isNotEmpty();
            assertThat(PriceTiers.problems("", r.priceTiers())).isEmpty();
            assertThat(r.fields()).extracting(FieldDefinition::key).contains("club", "tshirt", "emergency_contact", "consent");
        });
        assertThat(jdbc.sql("select count(*) from events.events where slug = :slug").param("slug", DemoEvent.SLUG)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from events.promo_codes where event_id = :e").param("e", event.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    static final String EMAIL = "organizer@paddock.dev";
}
