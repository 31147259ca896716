package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class QuickReadsTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final QuickRead results = new QuickRead() {
        @Override
        public String prefix() {
            return "/api/results/";
        }

        @Override
        public QuickAnswer answer(HttpServletRequest request, HttpServletResponse response) {
            asked.incrementAndGet();
            return request.getRequestURI().endsWith("/known")
                    ? QuickAnswer.json("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "\"v7\"", "max-age=1, public")
                    : null;
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final QuickReads filter = new QuickReads(List.of(results), meters);

    @Test
    void answersFromMemoryWithoutGoingDownTheChain() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("GET", "/api/results/known"), response, chain);

        assertThat(chain.getRequest()).as("chain not called").isNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"a\":1}");
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getHeader("ETag")).isEqualTo("\"v7\"");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("max-age=1, public");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(meters.counter("paddock.quick.reads", "outcome", "served").count()).isEqualTo(1);
    }

    @Test
    void aRequestTheValveOfferedAlreadyGoesDownTheChainWithoutAskingAgain() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/results/unknown");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(filter.serve(request, response)).as("the valve: nothing to answer").isFalse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("chain called").isNotNull();
        assertThat(asked.get()).as("asked once, by the valve").isEqualTo(1);
        MockHttpServletResponse served = new MockHttpServletResponse();
        assertThat(filter.serve(new MockHttpServletRequest("GET", "/api/results/known"), served)).isTrue();
        assertThat(served.getContentAsString()).isEqualTo("{\"a\":1}");
        assertThat(filter.serve(new MockHttpServletRequest("POST", "/api/results/known"), new MockHttpServletResponse()))
                .as("writes are never read from memory").isFalse();
    }

    @Test
    void aCurrentEtagGetsNotModifiedWithoutBody() throws Exception {
        for (String ifNoneMatch : List.of("\"v7\"", "\"v6\", \"v7\"", "W/\"v7\"", "*")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/results/known");
            request.addHeader("If-None-Match", ifNoneMatch);
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request, response, new MockFilterChain());

            assertThat(response.getStatus()).as(ifNoneMatch).isEqualTo(304);
            assertThat(response.getContentAsByteArray()).isEmpty();
            assertThat(response.getHeader("ETag")).isEqualTo("\"v7\"");
        }
        MockHttpServletRequest stale = new MockHttpServletRequest("GET", "/api/results/known");
        stale.addHeader("If-None-Match", "\"v6\"");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(stale, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void headGetsHeadersWithoutBody() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("HEAD", "/api/results/known"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentLength()).isEqualTo(7);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void whatMemoryCannotAnswerGoesOnDownTheChain() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/results/unknown"), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(asked).hasValue(1);
    }

    @Test
    void otherPathsWritesAndAuthenticatedRequestsAreNotLookedAt() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/results/known");
        MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/api/events/known");
        MockHttpServletRequest bearer = new MockHttpServletRequest("GET", "/api/results/known");
        bearer.addHeader("Authorization", "Bearer x");
        for (MockHttpServletRequest request : List.of(post, elsewhere, bearer)) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(request.getMethod() + " " + request.getRequestURI()).isNotNull();
        }
        assertThat(asked).as("only the GET under the prefix asks, and it carried a token").hasValue(0);
    }

    @Test
    void pagesAreAnsweredFromMemoryOnlyToVisitorsWithoutSession() throws Exception {
        QuickRead page = new QuickRead() {
            @Override
            public String prefix() {
                return "/results/";
            }

            @Override
            public QuickAnswer answer(HttpServletRequest request, HttpServletResponse response) {
                return QuickAnswer.html("<p>page</p>", "\"p1\"", null);
            }
        };
        QuickReads pages = new QuickReads(List.of(page), meters);
        MockHttpServletResponse anonymous = new MockHttpServletResponse();
        pages.doFilter(new MockHttpServletRequest("GET", "/results/r"), anonymous, new MockFilterChain());
        assertThat(anonymous.getContentAsString()).isEqualTo("<p>page</p>");
        assertThat(anonymous.getHeader("X-Frame-Options")).isEqualTo("DENY");

        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/results/r");
        signedIn.setRequestedSessionId("s1");
        MockFilterChain chain = new MockFilterChain();
        pages.doFilter(signedIn, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void theContextPathIsNotPartOfThePrefix() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/paddock/api/results/known");
        request.setContextPath("/paddock");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getContentAsString()).isEqualTo("{\"a\":1}");
    }
}
