package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BetAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void pastTheLimitABetIsRefusedAtOnceAndAFreedPlaceAdmitsTheNext() throws Exception {
        BetAdmission admission = new BetAdmission(2, meters);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        MockFilterChain holding = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<MockHttpServletResponse> first = threads.submit(() -> send(admission, holding));
            Future<MockHttpServletResponse> second = threads.submit(() -> send(admission, holding));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse refused = send(admission, new MockFilterChain());
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getContentAsString()).contains("overloaded");
            assertThat(meters.get("paddock.tote.bet.shed").counter().count()).isEqualTo(1.0);

            release.countDown();
            assertThat(first.get().getStatus()).isEqualTo(200);
            assertThat(second.get().getStatus()).isEqualTo(200);
        }
        assertThat(send(admission, new MockFilterChain()).getStatus()).isEqualTo(200);
    }

    @Test
    void otherRequestsAreNeverCounted() throws Exception {
        BetAdmission admission = new BetAdmission(0, meters);
        MockHttpServletRequest odds = new MockHttpServletRequest("GET", "/api/tote/bets");
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(odds, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(send(admission, new MockFilterChain()).getStatus()).isEqualTo(503);
    }

    private static MockHttpServletResponse send(BetAdmission admission, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(new MockHttpServletRequest("POST", BetAdmission.PATH), response, chain);
        return response;
    }
}
