package dev.paddock.events.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;

/**
 * What an anonymous catalogue page was rendered from, as its controller declares it: the version of its inputs (the
 * ETags of the snapshots it showed) and how to read their current version. {@link AnonymousPageCache} keeps a page
 * whose inputs did not change instead of rendering it again through Spring MVC: the page's HTML is a function of
 * those snapshots, the path, the query and the language (its key), so a render would give the same bytes.
 *
 * @param version the inputs' version the page was rendered from
 * @param current reads the inputs' version now (from the snapshot caches: the same reads a render makes)
 */
record PageInputs(String version, Supplier<String> current) {

    private static final String ATTRIBUTE = PageInputs.class.getName();

    /** Called by a page's controller: the page rendered for this request shows these inputs. */
    static void declare(HttpServletRequest request, String version, Supplier<String> current) {
        request.setAttribute(ATTRIBUTE, new PageInputs(version, current));
    }

    /** The inputs the controller declared for this request's page, or null (such a page is rendered again when due). */
    static PageInputs of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof PageInputs inputs ? inputs : null;
    }

    /** Whether the page would be rendered from the same inputs now; an input that cannot be read counts as changed. */
    boolean unchanged() {
        try {
            return version.equals(current.get());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
