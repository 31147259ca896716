package dev.paddock.timing.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paddock.shared.QuickAnswer;
import dev.paddock.shared.QuickRead;
import dev.paddock.timing.board.Boards;
import dev.paddock.timing.board.Snapshot;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The public results pages as anonymous visitors get them, kept as rendered bytes per URL and language and
 * answered from memory ahead of the security chain and Spring MVC. A kept page stays valid across snapshots for
 * as long as what it shows is the same (an athlete whose times and places did not change keeps the bytes of their
 * page, and its ETag): a new snapshot only costs building the page's view again and comparing it. A page not kept,
 * or whose view changed, goes the usual way once and {@link AnonymousResultPages} keeps what Spring MVC rendered.
 */
@Component
class ResultPages implements QuickRead {

    static final String PREFIX = "/results/races/";
    /** Request attribute: the snapshot a page was rendered from, set by {@link ResultsPageController}. */
    static final String SNAPSHOT = ResultPages.class.getName() + ".snapshot";

    /** @param shown what the page shows, built from a snapshot ({@link #shown}), to compare with a later one */
    record Page(byte[] body, String etag, long version, Object shown) {
    }

    private final Boards boards;
    private final LocaleResolver locales;
    private final Cache<String, Page> pages = Caffeine.newBuilder().maximumSize(30_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();

    ResultPages(Boards boards, LocaleResolver locales) {
        this.boards = boards;
        this.locales = locales;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public QuickAnswer answer(HttpServletRequest request) {
        Page page = held(request);
        return page == null ? null : answer(page);
    }

    static QuickAnswer answer(Page page) {
        return new QuickAnswer(200, page.body(), QuickAnswer.HTML, page.etag(), ResultBodies.CACHE_CONTROL);
    }

    /** The page kept for this request if it still shows what the race's current snapshot would, else null. */
    Page held(HttpServletRequest request) {
        PageAddress address = PageAddress.of(request);
        if (address == null || request.getParameter("lang") != null) {
            return null;
        }
        Snapshot snapshot = boards.loaded(address.raceId()).orElse(null);
        String key = key(request);
        Page page = pages.getIfPresent(key);
        if (snapshot == null || page == null) {
            return null;
        }
        if (page.version() == snapshot.version()) {
            return page;
        }
        Object shown = shown(address, snapshot, request);
        if (shown == null || !shown.equals(page.shown())) {
            return null;
        }
        Page current = new Page(page.body(), page.etag(), snapshot.version(), page.shown());
        pages.put(key, current);
        return current;
    }

    /** Keeps a page Spring MVC rendered for an anonymous visitor from {@code snapshot}; returns what was kept. */
    Page keep(HttpServletRequest request, Snapshot snapshot, byte[] body) {
        PageAddress address = PageAddress.of(request);
        Object shown = address == null ? null : shown(address, snapshot, request);
        Page page = new Page(body, etag(address == null ? null : address.raceId(), body), snapshot.version(), shown);
        if (shown != null) {
            pages.put(key(request), page);
        }
        return page;
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

    private static String etag(UUID raceId, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + (raceId == null ? "" : raceId.toString().substring(0, 8) + "-")
                    + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
