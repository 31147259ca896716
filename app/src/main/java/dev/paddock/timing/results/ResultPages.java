package dev.paddock.timing.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paddock.shared.QuickAnswer;
import dev.paddock.shared.QuickRead;
import dev.paddock.shared.StaticLinks;
import dev.paddock.timing.board.Boards;
import dev.paddock.timing.board.Snapshot;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.unbescape.html.HtmlEscape;

/**
 * The public results pages as anonymous visitors get them, kept as rendered bytes per URL and language and
 * answered from memory ahead of the security chain and Spring MVC. A kept page stays valid across snapshots for
 * as long as what it shows is the same (an athlete whose times and places did not change keeps the bytes of their
 * page, and its ETag): a new snapshot only costs building the page's view again and comparing it. A page not kept,
 * or whose view changed, is rendered here with the same template and model as {@link ResultsPageController} makes
 * for an anonymous visitor, without the security chain and Spring MVC (at a marathon's finish most athlete pages
 * asked for are asked for the first time, and the request path cost about half as much again as the template);
 * what this cannot render (an error, a visitor with a session) goes the usual way and {@link AnonymousResultPages}
 * keeps what Spring MVC rendered.
 */
@Component
class ResultPages implements QuickRead {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResultPages.class);

    static final String PREFIX = "/results/races/";
    /** Request attribute: the snapshot a page was rendered from, set by {@link ResultsPageController}. */
    static final String SNAPSHOT = ResultPages.class.getName() + ".snapshot";

    /** Request attribute: this request renders the page again; the others get the kept one meanwhile. */
    private static final String RENDERING = ResultPages.class.getName() + ".rendering";
    /** A rendering that did not end in this time (it failed unseen, or was not anonymous) gives way to another. */
    private static final long CLAIM_NANOS = Duration.ofSeconds(2).toNanos();

    /**
     * @param shown    what the page shows, built from a snapshot ({@link #shown}), to compare with a later one
     * @param version  the latest snapshot it was found to show
     * @param sameAt   when it was last found to show the current snapshot ({@link System#nanoTime()})
     */
    record Page(byte[] body, String etag, long version, Object shown, long sameAt, String cacheControl) {
    }

    /**
     * The table and the card are fetched again by open pages when the live channel says they changed: a browser must
     * not reuse them unchecked (it revalidates, a 304 while unchanged), and they are never served stale.
     */
    static final String FRAGMENT_CACHING = "no-cache";

    private final Boards boards;
    private final LookupDoor door;
    private final LocaleResolver locales;
    private final ITemplateEngine templates;
    /** Resolves the versionless WebJars links of a page rendered here, as Spring MVC's pages get them. */
    private final ResourceUrlProvider staticFiles;
    private final ApplicationContext application;
    private final long freshNanos;
    /**
     * Renderings under way at once, here and through Spring MVC. Hundreds of virtual threads rendering together on two
     * cores made no more pages a second, only lock convoys (Thymeleaf's attribute definitions) that stalled the node
     * for seconds on a cold start; the others wait here, parked.
     */
    private final Semaphore renderings;
    private volatile JakartaServletWebApplication web;
    private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(30_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();
    /** The layout around athletes' pages, by language. */
    private final Map<java.util.Locale, Frame> frames = new ConcurrentHashMap<>();
    /** Pages being rendered, by key: since when, and the page once kept (null if the rendering failed). */
    private final Map<String, Rendering> rendering = new ConcurrentHashMap<>();

    private record Rendering(String key, long since, CompletableFuture<Page> page) {
    }

    /**
     * @param freshFor how long a kept page is served without comparing it with newer snapshots: a ranking page
     *                 shows the finisher count, which changes with every tick while passings arrive, and would
     *                 otherwise be rendered five times a second; pages are this much behind the rankings at most,
     *                 as a cache honouring their {@code max-age=1} may be
     */
    ResultPages(Boards boards, LookupDoor door, LocaleResolver locales, ITemplateEngine templates,
            ResourceUrlProvider staticFiles, ApplicationContext application,
            @Value("${paddock.timing.pages.fresh-for:1s}") Duration freshFor,
            @Value("${paddock.timing.pages.renderings:4}") int renderingsAtOnce) {
        this.boards = boards;
        this.door = door;
        this.locales = locales;
        this.templates = templates;
        this.staticFiles = staticFiles;
        this.application = application;
        this.freshNanos = freshFor.toNanos();
        this.renderings = new Semaphore(renderingsAtOnce);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public QuickAnswer answer(HttpServletRequest request, HttpServletResponse response) {
        // a visitor with a session may be signed in: the filter after the security chain knows
        if (request.getRequestedSessionId() != null) {
            return null;
        }
        QuickAnswer refusal = request.getAttribute(RENDERING) == null && PageAddress.of(request) != null
                ? door.refusal() : null;
        if (refusal != null) {
            return refusal;
        }
        Page page = held(request);
        if (page == null && request.getAttribute(RENDERING) != null) {
            page = render(request, response);
        }
        return page == null ? null : answer(page);
    }

    /** Renderings under way at once, at most. */
    Semaphore renderings() {
        return renderings;
    }

    /**
     * Renders the page this request claimed and keeps it; null, the claim still held, for what Spring MVC is to answer
     * (an error is rendered by the error page, which is not kept).
     */
    private Page render(HttpServletRequest request, HttpServletResponse response) {
        PageAddress address = PageAddress.of(request);
        Snapshot snapshot = boards.loaded(address.raceId()).orElse(null);
        ResultsPageController.Rendering rendering;
        try {
            rendering = snapshot == null ? null : ResultsPageController.anonymous(snapshot, address, request);
        } catch (RuntimeException error) {
            return null;
        }
        if (rendering == null) {
            return null;
        }
        renderings.acquireUninterruptibly();
        try {
            request.setAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, staticFiles);
            // as Spring MVC's Thymeleaf view gives its templates: SpEL with the application's beans
            rendering.model().put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(application, null));
            WebContext context = new WebContext(web(request).buildExchange(request,
                    StaticLinks.encoding(request, response)),
                    locales.resolveLocale(request), rendering.model());
            // encoded as it is written: a page as a String (UTF-16 once it holds a dash) then encoded again cost more
            ByteArrayOutputStream html = new ByteArrayOutputStream(8192);
            Writer writer = new OutputStreamWriter(html, StandardCharsets.UTF_8);
            if (address.bib() != null && !address.fragment()) {
                athletePage(rendering, context, request, response, writer);
            } else {
                templates.process(rendering.template(), rendering.fragment() == null ? null
                        : java.util.Set.of(rendering.fragment()), context, writer);
            }
            writer.flush();
            Page page = keep(request, snapshot, html.toByteArray(), shown(address, snapshot, rendering));
            rendered(request);
            return page;
        } catch (RuntimeException | IOException error) {
            log.warn("Results page {} not rendered ahead of Spring MVC, which will", request.getRequestURI(), error);
            return null;
        } finally {
            renderings.release();
        }
    }

    /**
     * An athlete's page: their page's main rendered, in the layout around it as rendered once for the language
     * ({@link Frame}). At a finish most athlete pages asked for are asked for the first time, and the layout (head,
     * links, navigation, footer) was about as much of each rendering as the athlete's own part.
     */
    private void athletePage(ResultsPageController.Rendering rendering, WebContext context, HttpServletRequest request,
            HttpServletResponse response, Writer writer) throws IOException {
        Frame frame = frames.computeIfAbsent(context.getLocale(), locale -> frame(request, response, locale));
        ResultViews.Athlete athlete = (ResultViews.Athlete) rendering.model().get("athlete");
        ResultViews.RaceResults race = (ResultViews.RaceResults) rendering.model().get("race");
        // as athlete.html names the page, and as Thymeleaf's th:text escapes it
        writer.write(frame.beforeTitle());
        writer.write(HtmlEscape.escapeHtml4Xml(athlete.name() + " · " + race.raceName()));
        writer.write(frame.beforeMain());
        templates.process(rendering.template(), java.util.Set.of("main"), context, writer);
        writer.write(frame.after());
    }

    /** The layout of an athlete's page in one language, cut where its title and its main go. */
    record Frame(String beforeTitle, String beforeMain, String after) {

        static final String TITLE = "PADDOCK-FRAME-TITLE";
        static final String MAIN = "<main>PADDOCK-FRAME-MAIN</main>";

        static Frame of(String page) {
            int title = page.indexOf(TITLE);
            int main = page.indexOf(MAIN);
            if (title < 0 || main < title || page.indexOf(TITLE, title + 1) >= 0 || page.indexOf(MAIN, main + 1) >= 0) {
                throw new IllegalStateException("The athlete page's frame does not hold its markers once each");
            }
            return new Frame(page.substring(0, title), page.substring(title + TITLE.length(), main),
                    page.substring(main + MAIN.length()));
        }
    }

    private Frame frame(HttpServletRequest request, HttpServletResponse response, java.util.Locale locale) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("viewer", ResultsPageController.ANONYMOUS);
        model.put("title", Frame.TITLE);
        model.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        return Frame.of(templates.process("timing/results/frame", new WebContext(web(request).buildExchange(request,
                StaticLinks.encoding(request, response)), locale, model)));
    }

    private JakartaServletWebApplication web(HttpServletRequest request) {
        if (web == null) {
            web = JakartaServletWebApplication.buildApplication(request.getServletContext());
        }
        return web;
    }

    static QuickAnswer answer(Page page) {
        return new QuickAnswer(200, page.body(), QuickAnswer.HTML, page.etag(), page.cacheControl());
    }

    /**
     * The page kept for this request if it still shows what the race's current snapshot would (compared at most
     * every {@code freshFor}). Else one request renders it (this one: null) while the others get the kept page, or,
     * when there is none yet or it is a live fragment, wait for that rendering: a cold page asked a hundred times a
     * second is rendered once, not by every request that comes before the first rendering ends.
     */
    Page held(HttpServletRequest request) {
        PageAddress address = PageAddress.of(request);
        if (address == null || request.getParameter("lang") != null || request.getAttribute(RENDERING) != null) {
            return null;
        }
        Snapshot snapshot = boards.loaded(address.raceId()).orElse(null);
        if (snapshot == null) {
            return null;
        }
        String key = key(request);
        Page page = pages.getIfPresent(key);
        long now = System.nanoTime();
        if (page != null) {
            if (page.version() == snapshot.version() || !address.fragment() && now - page.sameAt() < freshNanos
                    || sameAthlete(address, page, snapshot)) {
                return page;
            }
            Object shown = shown(address, snapshot, request);
            if (shown != null && shown.equals(page.shown())) {
                Page current = new Page(page.body(), page.etag(), snapshot.version(), page.shown(), now,
                        page.cacheControl());
                pages.put(key, current);
                return current;
            }
        }
        Rendering mine = new Rendering(key, now, new CompletableFuture<>());
        Rendering current = rendering.compute(key,
                (k, other) -> other != null && now - other.since() < CLAIM_NANOS ? other : mine);
        if (current == mine) {
            request.setAttribute(RENDERING, mine);
            return null;
        }
        if (page != null && !address.fragment()) {
            return page;
        }
        try {
            return current.page().get(CLAIM_NANOS - (now - current.since()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Whether an athlete's kept page (or card) is from a snapshot at or after the one since which their results are the
     * same, in a race of the same names: it shows what this snapshot would, without building the view to compare.
     */
    private static boolean sameAthlete(PageAddress address, Page page, Snapshot snapshot) {
        return address.bib() != null && page.version() >= snapshot.athletes().since(address.bib())
                && page.shown() instanceof List<?> shown && shown.get(0).equals(snapshot.race().eventName())
                && shown.get(1).equals(snapshot.race().raceName());
    }

    /** The request is done with the page it claimed to render, kept or not: whoever waits for it gets it or renders. */
    void rendered(HttpServletRequest request) {
        if (request.getAttribute(RENDERING) instanceof Rendering mine) {
            rendering.remove(mine.key(), mine);
            mine.page().complete(null);
        }
    }

    /** Keeps a page Spring MVC rendered for an anonymous visitor from {@code snapshot}; returns what was kept. */
    Page keep(HttpServletRequest request, Snapshot snapshot, byte[] body) {
        PageAddress address = PageAddress.of(request);
        return keep(request, snapshot, body, address == null ? null : shown(address, snapshot, request));
    }

    private Page keep(HttpServletRequest request, Snapshot snapshot, byte[] body, Object shown) {
        PageAddress address = PageAddress.of(request);
        Page page = new Page(body, etag(address == null ? null : address.raceId(), body), snapshot.version(), shown,
                System.nanoTime(), address != null && address.fragment() ? FRAGMENT_CACHING : ResultBodies.CACHE_CONTROL);
        if (shown != null) {
            pages.put(key(request), page);
            if (request.getAttribute(RENDERING) instanceof Rendering mine) {
                mine.page().complete(page);
            }
        }
        return page;
    }

    /** What a page rendered here shows, from the model it was rendered with: its views are not built again. */
    private static Object shown(PageAddress address, Snapshot snapshot, ResultsPageController.Rendering rendering) {
        if (address.bib() != null) {
            ResultViews.Athlete athlete = (ResultViews.Athlete) rendering.model().get("athlete");
            return List.of(snapshot.race().eventName(), snapshot.race().raceName(), athlete.unversioned());
        }
        return ((ResultsPageController.PageView) rendering.model().get("view")).unversioned();
    }

    /** What the page shows from this snapshot, without versions; null when the page is an error. */
    private static Object shown(PageAddress address, Snapshot snapshot, HttpServletRequest request) {
        try {
            if (address.bib() != null) {
                ResultViews.Athlete athlete = ResultViews.athlete(snapshot, address.bib());
                // the race's names are all an athlete's page shows of it
                return athlete == null ? null : List.of(snapshot.race().eventName(), snapshot.race().raceName(),
                        athlete.unversioned());
            }
            Integer page = PageAddress.number(request.getParameter("page"), 0);
            return page == null ? null : ResultsPageController.view(snapshot, request.getParameter("ranking"),
                    request.getParameter("group"), page, request.getParameter("q")).unversioned();
        } catch (RuntimeException notShown) {
            return null;
        }
    }

    /** The page's path, parameters in name order (however the query spelled them) and language. */
    private String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(request.getRequestURI()).append('?');
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                key.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return key.append('|').append(locales.resolveLocale(request).toLanguageTag()).toString();
    }

    /**
     * Names the bytes: two checksums of them (CRC32C, computed by the processor, and the array's hash), 64 bits that a
     * change of the page changes; a SHA-256 of every page rendered was about 1% of the node's time at the finish.
     */
    private static String etag(UUID raceId, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return "\"" + (raceId == null ? "" : raceId.toString().substring(0, 8) + "-")
                + HexFormat.of().toHexDigits((int) crc.getValue()) + HexFormat.of().toHexDigits(Arrays.hashCode(body))
                + "\"";
    }
}
