package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised before any controller runs (unknown path, wrong method, wrong media type) go through the
 * servlet error page; over real HTTP, an API client must still get problem+json and a browser an HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiErrorsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void anUnknownApiPathIsAProblemNotFoundForASignedInClient() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/no-such-thing"))
                .header("Authorization", "Bearer " + accessToken()).GET());

        assertProblem(response, 404, "not-found");
    }

    @Test
    void anUnknownApiPathIsAProblemUnauthorizedForAnAnonymousClient() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/no-such-thing")).GET());

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void aWrongMethodIsAProblemMethodNotAllowed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/auth/token")).GET());

        assertProblem(response, 405, "method-not-allowed");
    }

    @Test
    void aBodyThatIsNotJsonIsAProblemUnsupportedMediaType() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void aBrowserStillGetsTheHtmlErrorPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/css/no-such-sheet.css"))
                .header("Accept", "text/html"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<html");
    }

    private void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemException.TYPE_BASE + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private String accessToken() throws Exception {
        String email = "errors-" + java.util.UUID.randomUUID() + "@example.com";
        post("/api/accounts", """
                {"email":"%s","password":"a-long-password","displayName":"Err","dateOfBirth":"1990-01-01",
                 "countryOfResidence":"FR"}""".formatted(email));
        HttpResponse<String> token = post("/api/auth/token", """
                {"grantType":"password","email":"%s","password":"a-long-password"}""".formatted(email));
        return json.readTree(token.body()).get("accessToken").asString();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
