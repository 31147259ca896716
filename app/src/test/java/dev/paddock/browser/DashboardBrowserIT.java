package dev.paddock.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.places.Places;
import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organizer's dashboard in a real headless Chromium: a registration confirmed elsewhere reaches the
 * open page through its live stream and htmx re-fetches the numbers. Skipped without chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Places places;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    private HeadlessChromium chromium;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start(port);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aConfirmationShowsUpOnTheOpenDashboard() {
        Account organizer = accounts.create(Role.ORGANIZER);
        UUID event = UUID.randomUUID();
        UUID race = UUID.randomUUID();
        inTransaction(() -> {
            jdbc.sql("""
                    insert into events.events (id, slug, organizer_id, name, sport, venue, country, zone, starts_on,
                        ends_on, status, created_at)
                    values (?, ?, ?, 'Browser marathon', 'RUNNING', 'Zürich', 'CH', 'Europe/Zurich', date '2027-04-18',
                        date '2027-04-18', 'PUBLISHED', now())""")
                    .params(event, "browser-" + event, organizer.id().value()).update();
            jdbc.sql("""
                    insert into events.races (id, event_id, code, name, distance_m, starts_at, capacity, registration,
                        registration_opens_at, registration_closes_at, created_at)
                    values (?, ?, 'm', 'Marathon', 42195, timestamptz '2027-04-18 08:30:00+02', 0, 'OPEN', now(),
                        now() + interval '30 days', now())""").params(race, event).update();
            places.resize(race, 5);
        });

        chromium.open("/login");
        chromium.browser.findElement(By.id("email")).sendKeys(organizer.email());
        chromium.browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        chromium.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        chromium.wait.until(ExpectedConditions.urlContains("/wallet"));

        chromium.open("/organizer/events/" + event + "/dashboard");
        chromium.wait.until(d -> "0".equals(confirmed()));
        chromium.waitForLiveStream();

        inTransaction(() -> {
            UUID order = UUID.randomUUID();
            jdbc.sql("""
                    insert into events.orders (id, account_id, event_id, request_id, status, payment_method,
                        subtotal_cents, total_cents, created_at)
                    values (?, ?, ?, ?, 'PAID', 'WALLET', 9500, 9500, now())""")
                    .params(order, UUID.randomUUID(), event, order.toString()).update();
            UUID registration = UUID.randomUUID();
            jdbc.sql("""
                    insert into events.registrations (id, race_id, event_id, order_id, buyer_account_id, status, first_name,
                        last_name, gender, birth_date, nationality, email, created_at, confirmed_at)
                    values (?, ?, ?, ?, ?, 'CONFIRMED', 'Live', 'Runner', 'F', date '1990-01-01', 'CH',
                        'live@example.test', now(), now())""")
                    .params(registration, race, event, order, UUID.randomUUID()).update();
            places.claim(race, List.of(registration));
            events.publishEvent(new RegistrationConfirmed(registration, race, event, null, null, Instant.now()));
        });

        chromium.wait.until(d -> "1".equals(confirmed()));
        assertThat((String) chromium.script("return document.getElementById('dashboard-panel').textContent"))
                .contains("95");
    }

    // Read in one script call: htmx swaps the panel, so a found element can go stale before use.
    private String confirmed() {
        return (String) chromium.script("var e = document.getElementById('stat-confirmed'); return e && e.textContent.trim()");
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
