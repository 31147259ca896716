package dev.paddock.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.registration.RegistrationFixtures;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The captain's team form in a real browser: "Add a member" fetches a numbered row with htmx, "Remove"
 * drops one, and the team registered from the remaining rows ends on its order page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TeamFormBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RegistrationFixtures fixtures;

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
    void addAndRemoveMemberRowsThenRegisterTheTeam() {
        var race = fixtures.race().team(2, 3, 0, "ANY").create();
        Account captain = accounts.create();
        fixtures.fund(captain.id(), 50000);

        chromium.open("/login");
        type("email", captain.email());
        type("password", TestAccounts.PASSWORD);
        chromium.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        chromium.wait.until(ExpectedConditions.urlContains("/wallet"));

        chromium.open("/events/" + race.slug + "/" + race.code + "/team");
        assertThat(rows()).isEqualTo(2);
        click(By.id("add-member"));
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-2")));
        click(By.id("add-member"));
        chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-3")));
        assertThat(rows()).isEqualTo(4);
        chromium.script("document.querySelector('#member-1 button').click(); document.querySelector('#member-3 button').click()");
        assertThat(rows()).isEqualTo(2);
        assertThat(chromium.script("return document.querySelector('#member-2 [name=\"members[2].athlete.email\"]') !== null"))
                .isEqualTo(true);

        type("name", "Browser Duo");
        fill(0, "Cara", "F", "cara@example.com");
        fill(2, "Dino", "M", "dino@example.com");
        click(By.cssSelector("main form button[type=submit]"));
        chromium.wait.until(ExpectedConditions.urlContains("/events/orders/"));
        String page = (String) chromium.script("return document.querySelector('main').textContent");
        assertThat(page).contains("Cara Team").contains("Dino Team").contains("Browser Duo").contains("190.00 EUR");
    }

    private long rows() {
        return (Long) chromium.script("return document.querySelectorAll('#members section.member').length");
    }

    /** Sets a member row's fields the way a person would, by script to keep the test short. */
    private void fill(int row, String first, String gender, String email) {
        String p = "members[" + row + "].";
        chromium.script("""
                const set = (n, v) => { const e = document.querySelector('[name="%1$s' + n + '"]');
                  if (e.type === 'checkbox') { e.checked = v; } else { e.value = v; } };
                set('athlete.firstName', '%2$s'); set('athlete.lastName', 'Team'); set('athlete.gender', '%3$s');
                set('athlete.birthDate', '1991-03-04'); set('athlete.nationality', 'CH'); set('athlete.email', '%4$s');
                set('answers.tshirt', 'M'); set('answers.consent', true);""".formatted(p, first, gender, email));
    }

    private void click(By by) {
        chromium.wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void type(String name, String text) {
        WebElement field = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        field.clear();
        field.sendKeys(text);
    }
}
