package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running server's connector is {@link UnnamedProcessorsProtocol}: Tomcat's domain while it initialized (its
 * own name and its request group were named), none since, as the MBean registry is off; and it serves requests
 * that need many processors at once, each answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnnamedProcessorsIT {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theConnectorNamesNoProcessorWhileTheRegistryIsOff() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProtocolHandler()).isInstanceOf(UnnamedProcessorsProtocol.class);
        UnnamedProcessorsProtocol protocol = (UnnamedProcessorsProtocol) connector.getProtocolHandler();
        assertThat(protocol.getDomain()).isNull();
        assertThat(protocol.getObjectName()).isNotNull();
    }

    @Test
    void manyConnectionsAtOnceAreEachServed() {
        // one client per request: each its own connection, so Tomcat needs a processor for each at once
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 64)
                .mapToObj(n -> HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(200));
    }
}
