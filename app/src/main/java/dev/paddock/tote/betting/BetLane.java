package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.BearerTokens;
import dev.paddock.identity.Role;
import dev.paddock.shared.ApiProblems;
import dev.paddock.shared.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bet lane: {@code POST /api/tote/bets} with a bearer token is served here, right after the bet door
 * ({@link BetAdmission}), without Spring Security's filter chain and Spring MVC. Those were most of the CPU a
 * bet cost (a profile at 800 bets/s: MVC 32.5%, Tomcat 19%, the security filters 13%, the writer and its SQL 7%).
 * <p>
 * It answers exactly as the controller does, in the same order (BetLaneIT compares both over HTTP): a bad
 * token 401 with {@code WWW-Authenticate: Bearer} (the {@code /api} chain's checks, through {@link BearerTokens}),
 * an unreadable body 400, a token without the CUSTOMER role 403 (the controller's {@code @PreAuthorize} runs after
 * its arguments are read), then the same {@link BetWindow}: channel control, the writer, the same 201 and
 * problems, with the security chain's headers. Requests it would not answer the same way go on down the chain
 * (see {@link #shouldNotFilter}).
 */
final class BetLane extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final MediaType JSON_FLAVOURS = new MediaType("application", "*+json");
    /** What the security chain's header writer adds to every API answer. */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

    private final BearerTokens tokens;
    private final BetWindow window;
    private final JsonMapper json;
    private final Counter served;

    BetLane(BearerTokens tokens, BetWindow window, JsonMapper json, MeterRegistry meters) {
        this.tokens = tokens;
        this.window = window;
        this.json = json;
        this.served = Counter.builder("paddock.tote.bet.lane")
                .description("Bet requests served by the lane, ahead of Spring Security and Spring MVC").register(meters);
    }

    /**
     * Anything the lane would not answer the same way goes on down the chain: no bearer token, a malformed
     * {@code Authorization} header, a body that is not declared JSON (Spring MVC also reads YAML and words its
     * 415 from all its converters), an {@code Accept} header that refuses JSON (Spring MVC negotiates, and may
     * answer 406). Those are rare; the bets the lane is for come with JSON and a token.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && BetWindow.PATH.equals(request.getRequestURI())
                && bearer(request) != null && json(request.getContentType())
                && acceptsJson(request.getHeader(HttpHeaders.ACCEPT)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        served.increment();
        // http.server.requests keeps its uri tag, which Spring MVC would have set
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(BetWindow.PATH));
        for (HeaderWriter writer : SECURITY_HEADERS) {
            writer.writeHeaders(request, response);
        }
        try {
            BearerTokens.Bearer bearer = tokens.account(bearer(request));
            PlaceBetRequest bet = read(request);
            AccountId account = bearer.acting(Role.CUSTOMER);
            BetWindow.Receipt receipt = window.place(account, bet, request);
            response.setHeader(HttpHeaders.LOCATION, receipt.location().toString());
            if (receipt.replayed()) {
                response.setHeader(BetWindow.REPLAYED, "true");
            }
            write(response, HttpStatus.CREATED.value(), MediaType.APPLICATION_JSON_VALUE,
                    json.writeValueAsBytes(receipt.bet()));
        } catch (ProblemException refused) {
            problem(request, response, ApiProblems.body(refused));
        } catch (Betting.Busy busy) {
            problem(request, response, ApiProblems.body(busy.problem()));
        } catch (RuntimeException e) {
            problem(request, response, ApiProblems.body(ApiProblems.unexpected(e, "uri=" + BetWindow.PATH)));
        }
    }

    /** As {@code @RequestBody} reads it: Jackson's errors worded by {@link ApiProblems#unreadable}; no body or null: 400. */
    private PlaceBetRequest read(HttpServletRequest request) throws IOException {
        PlaceBetRequest bet;
        try {
            bet = json.readValue(request.getInputStream(), PlaceBetRequest.class);
        } catch (JacksonException e) {
            throw ApiProblems.unreadable(e);
        }
        if (bet == null) {
            throw ApiProblems.unreadable(null);
        }
        return bet;
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && URI.create(ProblemException.TYPE_BASE + "overloaded").equals(problem.getType())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        write(response, problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] bytes)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header as the security chain reads it (the scheme in
     * any case, one space, the token's characters of RFC 6750); null for anything else.
     */
    static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        int end = authorization.length();
        while (end > BEARER.length() && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == BEARER.length()) {
            return null;
        }
        for (int i = BEARER.length(); i < end; i++) {
            char c = authorization.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '+' || c == '/')) {
                return null;
            }
        }
        return authorization.substring(BEARER.length());
    }

    /** No Accept header, or one that takes application/json: then Spring MVC would answer JSON too. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.equals(MediaType.APPLICATION_JSON_VALUE) || accept.equals(MediaType.ALL_VALUE)) {
            return true;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.includes(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** application/json or application/*+json, with any parameters: what Spring MVC's JSON converter reads. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(type) || JSON_FLAVOURS.includes(type);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
