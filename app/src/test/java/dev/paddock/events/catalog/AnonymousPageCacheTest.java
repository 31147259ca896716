package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * An anonymous page rendered once per TTL at most, rendered again from half its TTL by one request while the others
 * are served the page held, never served past its TTL. The clock is a hand-moved ticker.
 */
class AnonymousPageCacheTest {

    private static final long MS = 1_000_000;
    private static final FilterChain NO_SECOND_RENDER = (request, response) -> {
        throw new AssertionError("a second render of a page being rendered for the first time");
    };

    private final AtomicLong now = new AtomicLong();
    private final AnonymousPageCache pages = new AnonymousPageCache(new FixedLocaleResolver(Locale.ENGLISH),
            Duration.ofSeconds(1), now::get);
    private final AtomicInteger renders = new AtomicInteger();

    /** Renders "render n", n counting the renders. */
    private final FilterChain render = (request, response) ->
            response.getWriter().write("render " + renders.incrementAndGet());

    /** The version of the inputs a declaring render shows; null: they cannot be read (the supplier throws). */
    private final AtomicReference<String> inputs = new AtomicReference<>("v1");

    /** Renders "render n of version", declaring its inputs as a page's controller does. */
    private final FilterChain declaringRender = (request, response) -> {
        String version = inputs.get();
        PageInputs.declare((HttpServletRequest) request, version, () -> {
            String current = inputs.get();
            if (current == null) {
                throw new IllegalStateException("inputs not readable");
            }
            return current;
        });
        response.getWriter().write("render " + renders.incrementAndGet() + " of " + version);
    };

    private static final FilterChain NO_RENDER = (request, response) -> {
        throw new AssertionError("a render of a page whose inputs did not change");
    };

    @Test
    void aPageIsRenderedOnceAndServedAsHeldUntilHalfItsTtl() throws Exception {
        assertThat(get(render)).isEqualTo("render 1");
        now.set(499 * MS);

        assertThat(get(render)).isEqualTo("render 1");
        assertThat(body(pages.cached(request()))).isEqualTo("render 1");
        assertThat(renders).hasValue(1);
    }

    @Test
    void fromHalfItsTtlOneRequestRendersItAgainWhileTheOthersAreServedThePageHeld() throws Exception {
        get(render);
        now.set(600 * MS);
        // due: a quick read leaves it to the usual way, where this request renders it again
        assertThat(pages.cached(request())).isNull();
        String[] meanwhile = new String[2];
        FilterChain slowRender = (request, response) -> {
            meanwhile[0] = body(pages.cached(request()));
            meanwhile[1] = get((again, answer) -> {
                throw new AssertionError("a second render while one is under way");
            });
            render.doFilter(request, response);
        };

        assertThat(get(slowRender)).isEqualTo("render 2");
        assertThat(meanwhile).containsExactly("render 1", "render 1");
        now.set(700 * MS);
        assertThat(get(render)).isEqualTo("render 2");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aPageIsNeverServedPastItsTtl() throws Exception {
        get(render);
        now.set(1_000 * MS);

        assertThat(pages.cached(request())).isNull();
        assertThat(get(render)).isEqualTo("render 2");
    }

    @Test
    void aFailedRenderIsPassedOnAndLeavesTheNextRequestToTryAgain() throws Exception {
        get(render);
        now.set(600 * MS);
        MockHttpServletResponse failed = new MockHttpServletResponse();
        pages.doFilter(request(), failed, (request, response) -> ((HttpServletResponse) response).setStatus(500));
        assertThat(failed.getStatus()).isEqualTo(500);

        assertThat(pages.cached(request())).isNull();
        assertThat(get(render)).isEqualTo("render 2");
    }

    @Test
    void aDuePageWhoseInputsDidNotChangeIsKeptAsItIsForAnotherHalfTtlWithoutARender() throws Exception {
        assertThat(get(declaringRender)).isEqualTo("render 1 of v1");
        String etag = pages.cached(request()).etag();
        now.set(600 * MS);

        assertThat(get(NO_RENDER)).isEqualTo("render 1 of v1");
        now.set(1_050 * MS);
        // past the first render's TTL: kept at 600 ms, so held until 1,600 ms and due from 1,100 ms
        assertThat(pages.cached(request()).etag()).isEqualTo(etag);
        now.set(1_150 * MS);
        assertThat(body(pages.cached(request()))).isEqualTo("render 1 of v1");
        assertThat(renders).hasValue(1);
    }

    @Test
    void aDuePageWhoseInputsChangedIsRenderedAgain() throws Exception {
        get(declaringRender);
        now.set(600 * MS);
        inputs.set("v2");

        // a quick read leaves it to the usual way, which renders it again
        assertThat(pages.cached(request())).isNull();
        assertThat(get(declaringRender)).isEqualTo("render 2 of v2");
        now.set(1_200 * MS);
        assertThat(body(pages.cached(request()))).isEqualTo("render 2 of v2");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aPageWhoseInputsCannotBeReadIsRenderedAgain() throws Exception {
        get(declaringRender);
        now.set(600 * MS);
        inputs.set(null);

        assertThat(pages.cached(request())).isNull();
        assertThat(get(render)).isEqualTo("render 2");
    }

    @Test
    void aPageWithoutDeclaredInputsIsRenderedAgainWhenDueEvenIfNothingChanged() throws Exception {
        get(render);
        now.set(600 * MS);

        assertThat(pages.cached(request())).isNull();
        assertThat(get(render)).isEqualTo("render 2");
    }

    @Test
    void aPageNobodyHoldsIsRenderedOnceWhileTheOtherRequestsWaitForIt() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain slowRender = slowRender(rendering, finish);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = readers.submit(() -> get(slowRender));
            rendering.await();
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                others.add(readers.submit(() -> get(NO_SECOND_RENDER)));
            }
            try {
                // the others park on the first render (not rendering, not answered) until it ends
                awaitWaiting(others.size());
                assertThat(others).noneMatch(Future::isDone);
            } finally {
                finish.countDown();
            }

            assertThat(first.get()).isEqualTo("render 1");
            for (Future<String> other : others) {
                assertThat(other.get()).isEqualTo("render 1");
            }
        }
        assertThat(renders).hasValue(1);
    }

    @Test
    void whenTheFirstRenderFailsAWaitingRequestRendersThePageItself() throws Exception {
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain failing = (request, response) -> {
            rendering.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((HttpServletResponse) response).setStatus(500);
        };
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = readers.submit(() -> get(failing));
            rendering.await();
            Future<String> second = readers.submit(() -> get(render));
            try {
                awaitWaiting(1);
            } finally {
                finish.countDown();
            }

            first.get();
            assertThat(second.get()).isEqualTo("render 1");
        }
        assertThat(pages.cached(request())).isNotNull();
    }

    @Test
    void aRequestThatWaitedLongEnoughForAFirstRenderStillRunningIsAnswered503AndRendersNothing() throws Exception {
        AnonymousPageCache quick = new AnonymousPageCache(new FixedLocaleResolver(Locale.ENGLISH), Duration.ofSeconds(1),
                now::get, Duration.ofMillis(20));
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain slowRender = slowRender(rendering, finish);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = readers.submit(() -> {
                MockHttpServletResponse response = new MockHttpServletResponse();
                quick.doFilter(request(), response, slowRender);
                return response.getContentAsString();
            });
            rendering.await();
            MockHttpServletResponse waited = new MockHttpServletResponse();
            try {
                quick.doFilter(request(), waited, NO_SECOND_RENDER);
            } finally {
                finish.countDown();
            }

            assertThat(waited.getStatus()).isEqualTo(503);
            assertThat(waited.getHeader("Retry-After")).isEqualTo("1");
            assertThat(waited.getHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(first.get()).isEqualTo("render 1");
        }
        assertThat(renders).hasValue(1);
    }

    /** Renders once {@code finish} opens, having opened {@code rendering}. */
    private FilterChain slowRender(CountDownLatch rendering, CountDownLatch finish) {
        return (request, response) -> {
            rendering.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            render.doFilter(request, response);
        };
    }

    /** Until {@code count} requests wait for a first render (a guard of 10 s, so that a regression fails, not hangs). */
    private void awaitWaiting(int count) {
        long guard = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (pages.waitingForFirstRenders() < count && System.nanoTime() < guard) {
            Thread.onSpinWait();
        }
    }

    private String get(FilterChain chain) throws IOException, ServletException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        pages.doFilter(request(), response, chain);
        return response.getContentAsString();
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("GET", "/events/opening-rush");
    }

    private static String body(AnonymousPageCache.Page page) {
        return page == null ? null : new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
