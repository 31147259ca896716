package dev.paddock.events.catalog;

import dev.paddock.shared.QuickAnswer;
import dev.paddock.shared.QuickRead;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The catalogue's hot reads (declared as {@link QuickRead}s in {@link CatalogConfiguration}) answered from what this node already holds, ahead of the security chain and
 * Spring MVC: an event's JSON and its participant lists ({@code /api/events/{slug}[/participants]}) from
 * their snapshots, and the public pages from {@link AnonymousPageCache} once one anonymous request has
 * rendered them. Whatever is not held (first request, expired, unknown slug, bad parameter) takes the usual
 * way, which fills the caches and produces the errors.
 */
@Component
class CatalogQuickRead {

    private static final String CACHING = PublicAnswers.ONE_SECOND.getHeaderValue();

    private final EventSnapshots snapshots;
    private final ParticipantLists participants;
    private final AnonymousPageCache pages;

    CatalogQuickRead(EventSnapshots snapshots, ParticipantLists participants, AnonymousPageCache pages) {
        this.snapshots = snapshots;
        this.participants = participants;
        this.pages = pages;
    }

    QuickAnswer json(HttpServletRequest request) {
        String[] parts = path(request).split("/");
        // "", "api", "events", slug[, "participants"]
        if (parts.length == 4) {
            Snapshot<PublicEvent> event = snapshots.held(parts[3]);
            return event == null ? null : QuickAnswer.json(event.json(), event.etag(), CACHING);
        }
        if (parts.length == 5 && parts[4].equals("participants")) {
            Snapshot<PublicEvent> event = snapshots.held(parts[3]);
            String race = request.getParameter("race");
            Integer page = page(request.getParameter("page"));
            if (event == null || race == null || page == null) {
                return null;
            }
            Snapshot<ParticipantList> list = event.value().race(race)
                    .map(r -> participants.held(r, request.getParameter("q"), page)).orElse(null);
            return list == null ? null : QuickAnswer.json(list.json(), list.etag(), CACHING);
        }
        return null;
    }

    QuickAnswer page(HttpServletRequest request) {
        AnonymousPageCache.Page page = pages.cached(request);
        return page == null ? null : new QuickAnswer(200, page.body(), page.contentType(), page.etag(), CACHING);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static Integer page(String page) {
        if (page == null) {
            return 0;
        }
        try {
            return Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
