package dev.paddock.timing.results;

import dev.paddock.shared.QuickAnswer;
import dev.paddock.timing.board.Snapshot;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public results pages for anonymous visitors that {@link ResultPages} did not answer ahead of the security
 * chain (not kept yet, changed, or asked with a session cookie): answered from the kept page when it still holds,
 * else rendered by Spring MVC and kept. Runs after the security chain, which has resolved the visitor; signed-in
 * visitors are never served kept pages (their layout names them). Anonymous renders carry no CSRF token: these
 * pages post nothing, so the shared bytes need none and no session is created for a visitor who only looks.
 * Registered on the results pages' paths by {@link ResultPagesConfiguration}.
 */
class AnonymousResultPages extends OncePerRequestFilter {

    private final ResultPages pages;

    AnonymousResultPages(ResultPages pages) {
        this.pages = pages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || PageAddress.of(request) == null
                || request.getParameter("lang") != null || !anonymous();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ResultPages.Page page = pages.held(request);
        if (page == null) {
            request.removeAttribute(CsrfToken.class.getName());
            request.removeAttribute("_csrf");
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            Semaphore renderings = pages.renderings();
            renderings.acquireUninterruptibly();
            try {
                chain.doFilter(request, capture);
                if (capture.getStatus() != HttpServletResponse.SC_OK
                        || !(request.getAttribute(ResultPages.SNAPSHOT) instanceof Snapshot snapshot)) {
                    capture.copyBodyToResponse();
                    return;
                }
                page = pages.keep(request, snapshot, capture.getContentAsByteArray());
                capture.resetBuffer();
            } finally {
                renderings.release();
                pages.rendered(request);
            }
        }
        QuickAnswer answer = ResultPages.answer(page);
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
        response.setHeader(HttpHeaders.VARY, "Cookie, Accept-Language");
        if (answer.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }
}
