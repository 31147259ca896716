package dev.paddock.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.results.ResultDesk;
import dev.paddock.tote.results.ResultFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A race's result page and race page, open in a real headless Chromium, follow the result live: entered,
 * corrected, made official, without a reload. Skipped on a machine without chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResultBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ResultFixtures fixtures;

    @Autowired
    ResultDesk desk;

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
    void theResultPageAndTheRacePageFollowTheResultLive() {
        RaceCard race = fixtures.closedRace(9);
        chromium.open("/tote/races/" + race.id() + "/result");
        String resultTab = chromium.browser.getWindowHandle();
        chromium.waitForLiveStream();
        assertThat(arrival()).contains("No result yet.");
        chromium.browser.switchTo().newWindow(WindowType.TAB);
        chromium.open("/tote/races/" + race.id());
        String raceTab = chromium.browser.getWindowHandle();
        chromium.waitForLiveStream();
        chromium.wait.until(d -> chromium.script("return document.querySelector('section#arrival')") != null);
        assertThat(arrival()).doesNotContain("Provisional result");

        fixtures.provisional(race.id(), "3 1=7 5 2", "4");

        chromium.wait.until(d -> arrival().contains("Provisional result"));
        assertThat(arrival()).contains("Runner 3", "dead heat", "Result and dividends");
        chromium.browser.switchTo().window(resultTab);
        chromium.wait.until(d -> arrival().contains("Provisional result"));
        assertThat(arrival()).contains("version 1", "dead heat", "Non-runners", "9 Runner 9", "Disqualified", "4 Runner 4");

        fixtures.provisional(race.id(), "3 1 7 5 2", "4");
        chromium.wait.until(d -> arrival().contains("version 2"));
        assertThat(arrival()).doesNotContain("dead heat");
        desk.makeOfficial(race.id(), 2, AccountId.random());
        chromium.wait.until(d -> arrival().contains("Official result"));
        assertThat((String) chromium.script("return document.getElementById('dividends').textContent")).isBlank();

        chromium.browser.switchTo().window(raceTab);
        chromium.wait.until(d -> arrival().contains("Official result"));
    }

    @Test
    void aResultMadeOfficialWhileTheArrivalSettlesStillShows() {
        RaceCard race = fixtures.closedRace(9);
        chromium.open("/tote/races/" + race.id());
        chromium.waitForLiveStream();
        chromium.wait.until(d -> chromium.script("return document.querySelector('section#arrival')") != null);
        // htmx listens on a swapped-in fragment only once it settles; a long settle makes that gap certain
        chromium.script("htmx.config.defaultSettleDelay = 3000");

        fixtures.provisional(race.id(), "3 1 7 5 2", "4");
        chromium.wait.until(d -> arrival().contains("Provisional result"));
        desk.makeOfficial(race.id(), 1, AccountId.random());

        chromium.wait.until(d -> arrival().contains("Official result"));
    }

    // Read in one script call: htmx swaps the arrival, so a found element can go stale before use.
    private String arrival() {
        Object text = chromium.script("var a = document.getElementById('arrival'); return a ? a.textContent : ''");
        return text == null ? "" : (String) text;
    }
}
