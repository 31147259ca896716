package dev.paddock.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The newcomer's walk in a real headless Chromium: sign up, log out, log in, deposit, see the new
 * balance, and see a deposit made in a second tab reach the first tab live. Needs Debian's chromium and
 * chromium-driver ({@code .ci/run} installs them); skipped on a machine without them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WalletBrowserIT {

    private static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start(port);
        browser = chromium.browser;
        wait = chromium.wait;
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void signUpLogInDepositAndSeeTheBalanceMoveLiveInAnotherTab() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";

        open("/signup");
        type("email", email);
        type("displayName", "Brenda Browser");
        type("password", PASSWORD);
        script("document.getElementById('dateOfBirth').value='1990-05-17'");
        new Select(browser.findElement(By.id("countryOfResidence"))).selectByValue("FR");
        submit(By.cssSelector("main form button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("/wallet"));
        assertThat(balanceCents()).isEqualTo("0");

        submit(By.cssSelector("header form[action$='/logout'] button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Log in")));

        open("/login");
        type("email", email);
        type("password", PASSWORD);
        submit(By.cssSelector("main form button[type=submit]"));
        wait.until(ExpectedConditions.urlContains("/wallet"));

        deposit("25.00");
        wait.until(d -> "2500".equals(balanceCents()));
        assertThat(text("wallet-balance")).contains("25.00");
        wait.until(d -> text("wallet-history").contains("25.00"));

        String firstTab = browser.getWindowHandle();
        // the first tab must hold its live stream before the other tab moves money
        chromium.waitForLiveStream();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        open("/wallet");
        deposit("10.50");
        wait.until(d -> "3550".equals(balanceCents()));

        browser.switchTo().window(firstTab);
        wait.until(d -> "3550".equals(balanceCents()));
        assertThat(text("wallet-balance")).contains("35.50");
    }

    private void deposit(String euros) {
        WebElement amount = wait.until(ExpectedConditions.elementToBeClickable(By.id("deposit-amount")));
        amount.clear();
        amount.sendKeys(euros);
        browser.findElement(By.id("deposit-submit")).click();
    }

    // Read in one script call: htmx swaps the balance element, so a found element can go stale before use.
    private String balanceCents() {
        return (String) script("return document.getElementById('wallet-balance').dataset.cents");
    }

    private String text(String id) {
        return (String) script("return document.getElementById('" + id + "').textContent");
    }

    private Object script(String code) {
        return chromium.script(code);
    }

    private void open(String path) {
        chromium.open(path);
    }

    private void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private void submit(By button) {
        browser.findElement(button).click();
    }
}
