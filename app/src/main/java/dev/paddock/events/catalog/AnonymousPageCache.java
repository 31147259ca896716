package dev.paddock.events.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public catalogue pages ({@code /events}, {@code /events/{slug}}, {@code /events/{slug}/participants})
 * to anonymous visitors from rendered HTML kept for the snapshot TTL per (path, query, language), with an
 * ETag, {@code Cache-Control: public, max-age=1} and 304 on {@code If-None-Match}. Signed-in visitors are
 * never served from it: their layout carries their own CSRF token and name. Anonymous renders drop the
 * request's CSRF token, so the shared bytes carry none (those pages have nothing to post) and no session
 * is created for them. Runs after Spring Security's filter chain, which has resolved the visitor.
 * <p>
 * A page is rendered again ahead of its expiry: once it is half a TTL old, the first request to see it renders it
 * (through Spring MVC) while every other request is still served the page held, which is less than a TTL old.
 * Without that, every page expired at once each second and all the readers arriving during the render rendered it
 * too (an opening rush's readers, 1,500 page reads a second, on a node already short of CPU).
 * <p>
 * A page whose controller declared its {@link PageInputs} is rendered again only when they changed: once half a TTL
 * old, the first request to see it reads its inputs' version (the snapshots' ETags) and, when unchanged, keeps the
 * page for another half TTL as it is, without Spring MVC (re-renders were ~8% of the server's CPU in session 9's
 * opening rush, where a race full for seconds changes neither its event page nor its participant list).
 */
@Component
class AnonymousPageCache extends OncePerRequestFilter {

    /** How long a request waits for another one's first render of a page before it is answered 503 (Retry-After). */
    static final Duration FIRST_RENDER_WAIT = Duration.ofSeconds(2);

    /**
     * A rendered page; {@code renewing} is set by the one request rendering it again (or checking its inputs);
     * {@code inputs} what it was rendered from, when its controller declared them, else null.
     */
    record Page(byte[] body, String contentType, String etag, long renderedAt, AtomicBoolean renewing,
            PageInputs inputs) {

        /** The same page, kept from {@code now} as if rendered again. */
        Page keptAt(long now) {
            return new Page(body, contentType, etag, now, new AtomicBoolean(), inputs);
        }
    }

    private final LocaleResolver locales;
    private final Cache<String, Page> cache;
    private final long renewAfterNanos;
    private final LongSupplier nanos;
    private final Map<String, CompletableFuture<Void>> firstRenders = new ConcurrentHashMap<>();
    private final Duration firstRenderWait;

    @Autowired
    AnonymousPageCache(LocaleResolver locales, CatalogSettings settings) {
        this(locales, settings.catalog().snapshotTtl(), Ticker.systemTicker());
    }

    AnonymousPageCache(LocaleResolver locales, Duration ttl, Ticker ticker) {
        this(locales, ttl, ticker, FIRST_RENDER_WAIT);
    }

    AnonymousPageCache(LocaleResolver locales, Duration ttl, Ticker ticker, Duration firstRenderWait) {
        this.firstRenderWait = firstRenderWait;
        this.locales = locales;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(5_000).ticker(ticker).build();
        this.renewAfterNanos = ttl.toNanos() / 2;
        this.nanos = ticker::read;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        String[] parts = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        // "", "events", slug, "participants"
        boolean catalogue = parts.length == 2 && parts[1].equals("events");
        boolean event = parts.length == 3 && parts[1].equals("events") && !Slugs.RESERVED.contains(parts[2]);
        boolean participants = parts.length == 4 && parts[1].equals("events") && parts[3].equals("participants");
        return !(catalogue || event || participants) || !anonymous();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getParameter("lang") != null) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        Page page = cache.getIfPresent(key);
        CompletableFuture<Void> mine = null;
        if (page == null) {
            CompletableFuture<Void> first = firstRenders.putIfAbsent(key, mine = new CompletableFuture<>());
            if (first != null) {
                mine = null;
                if (!awaitFirstRender(first)) {
                    busy(response);
                    return;
                }
                page = cache.getIfPresent(key);
            }
        }
        try {
            if (page == null || due(page) && page.renewing().compareAndSet(false, true)) {
                page = page != null && page.inputs() != null && page.inputs().unchanged() ? keep(key, page)
                        : render(key, page, request, response, chain);
                if (page == null) {
                    return;
                }
            }
        } finally {
            if (mine != null) {
                firstRenders.remove(key, mine);
                mine.complete(null);
            }
        }
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, PublicAnswers.ONE_SECOND.getHeaderValue());
        response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && new Snapshot<>(null, page.body(), page.etag()).matches(ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /**
     * The page rendered for an anonymous visitor with this request's path, query and language, if kept and not
     * due to be rendered again by this request (half a TTL old and no other request rendering it).
     */
    Page cached(HttpServletRequest request) {
        if (request.getParameter("lang") != null) {
            return null;
        }
        String key = key(request);
        Page page = cache.getIfPresent(key);
        if (page == null || !due(page) || page.renewing().get()) {
            return page;
        }
        if (page.inputs() != null && page.renewing().compareAndSet(false, true)) {
            if (page.inputs().unchanged()) {
                return keep(key, page);
            }
            page.renewing().set(false);
        }
        return null;
    }

    /** Keeps a page due to be rendered again whose inputs did not change, as it is, for another half TTL. */
    private Page keep(String key, Page held) {
        Page kept = held.keptAt(nanos.getAsLong());
        cache.put(key, kept);
        return kept;
    }

    /**
     * Renders the page through the chain and keeps it; null when the chain answered anything but 200 (passed on as
     * it is, nothing kept).
     */
    private Page render(String key, Page held, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        request.removeAttribute(CsrfToken.class.getName());
        request.removeAttribute("_csrf");
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capture);
        } finally {
            if (held != null) {
                held.renewing().set(false);
            }
        }
        if (capture.getStatus() != HttpServletResponse.SC_OK) {
            capture.copyBodyToResponse();
            return null;
        }
        byte[] body = capture.getContentAsByteArray();
        Page page = new Page(body, capture.getContentType(), Snapshot.etag(body), nanos.getAsLong(),
                new AtomicBoolean(), PageInputs.of(request));
        cache.put(key, page);
        capture.resetBuffer();
        return page;
    }

    /**
     * A page nobody holds yet is rendered by one request at a time: the first one to miss it renders it, the others
     * wait for that render (parked, up to the first render's wait, 2 s) and are then served it. Without that, the
     * readers of a cold page all rendered it at once: at an opening rush's 2,000 reads a second, hundreds of first
     * renders loading Thymeleaf's classes and templates filled every carrier thread and the node stopped answering.
     *
     * @return true once the first render ended (its page kept, or none when it failed: this request then renders it);
     *         false while it still runs after the wait
     */
    private boolean awaitFirstRender(CompletableFuture<Void> first) {
        try {
            first.get(firstRenderWait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * A first render still running after the wait is not joined by a second one: the waiting request is answered 503
     * with {@code Retry-After: 1}. Before (session 9, shared VM), waiters rendered the page themselves after 2 s; a
     * first render slowed past that by a busy machine let every waiting reader render at once, each loading classes
     * from the jar while pinning its carrier thread, until all carriers were pinned behind a class-loading lock held
     * by a virtual thread that had no carrier left to run on: the node answered nothing for the rest of the rush
     * (a thread dump in the session's notes).
     */
    private static void busy(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write("This page is being prepared; try again in a second.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** For tests: requests waiting for another one's first render of a page. */
    int waitingForFirstRenders() {
        return firstRenders.values().stream().mapToInt(CompletableFuture::getNumberOfDependents).sum();
    }

    private boolean due(Page page) {
        return nanos.getAsLong() - page.renderedAt() >= renewAfterNanos;
    }

    private String key(HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        return request.getRequestURI() + "?" + request.getQueryString() + "|" + locale.toLanguageTag();
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }
}
