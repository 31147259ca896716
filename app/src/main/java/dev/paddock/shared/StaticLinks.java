package dev.paddock.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Spring's {@link ResourceUrlEncodingFilter} (versionless WebJars links) for the links that can be static files
 * only. Spring's own tries every link a page builds against the static locations under the default {@code /**}
 * pattern: four class-path look-ups in the packaged jar per link, not cached when nothing is found; a results page
 * of a hundred rows made four hundred, and at a few hundred pages a second the node stalled.
 */
public class StaticLinks extends ResourceUrlEncodingFilter {

    /** Where the static files and WebJars are served from (src/main/resources/static). */
    static final List<String> PREFIXES = List.of("/webjars/", "/css/", "/js/");
    /**
     * Static links as resolved, by link: the files in the jar do not change while it runs, and resolving a WebJars
     * link walks the resource chain (a quarter of a results page's rendering in a profile at peak). Bounded: the
     * templates hold a few dozen static links.
     */
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();
    private static final int MAX_RESOLVED = 1_000;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, encoding(http, answer));
    }

    /**
     * The response with its {@code encodeURL} resolving static links as this filter does, for a page rendered outside
     * Spring MVC; the request must carry the {@link ResourceUrlProvider} (as
     * {@link ResourceUrlProviderExposingInterceptor#RESOURCE_URL_PROVIDER_ATTR}), as Spring MVC sets it.
     */
    public static HttpServletResponse encoding(HttpServletRequest request, HttpServletResponse response) {
        return new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return super.encodeURL(resolve(request, url));
            }
        };
    }

    static String resolve(HttpServletRequest request, String url) {
        String path = url.startsWith(request.getContextPath()) ? url.substring(request.getContextPath().length()) : url;
        if (PREFIXES.stream().noneMatch(path::startsWith)
                || !(request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
                        instanceof ResourceUrlProvider provider)) {
            return url;
        }
        String known = RESOLVED.get(url);
        if (known != null) {
            return known;
        }
        String resolved = provider.getForRequestUrl(request, url);
        String link = resolved != null ? resolved : url;
        if (RESOLVED.size() < MAX_RESOLVED) {
            RESOLVED.put(url, link);
        }
        return link;
    }
}
