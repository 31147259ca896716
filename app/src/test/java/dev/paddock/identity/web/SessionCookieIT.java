package dev.paddock.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The session cookie over real HTTP: HttpOnly and SameSite always, Secure whenever the request came over
 * TLS, including through a TLS-terminating proxy that says so with X-Forwarded-Proto.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionCookieIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void overPlainHttpTheCookieIsHttpOnlyAndSameSiteButNotSecure() throws Exception {
        String cookie = sessionCookie(HttpRequest.newBuilder(loginPage()));

        assertThat(cookie).startsWith("PADDOCK_SESSION=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void behindATlsProxyTheCookieIsSecure() throws Exception {
        String cookie = sessionCookie(HttpRequest.newBuilder(loginPage()).header("X-Forwarded-Proto", "https"));

        assertThat(cookie).startsWith("PADDOCK_SESSION=").containsIgnoringCase("Secure")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    private String sessionCookie(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("PADDOCK_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private URI loginPage() {
        return URI.create("http://localhost:" + port + "/login");
    }
}
