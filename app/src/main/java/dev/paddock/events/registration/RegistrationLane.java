package dev.paddock.events.registration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.BearerTokens;
import dev.paddock.shared.ApiLane;
import dev.paddock.shared.ApiProblems;
import dev.paddock.shared.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registration lane: {@code POST /api/events/races/{raceId}/registrations} with a bearer token is served here,
 * right behind the door and the turns, without Spring Security's filter chain and Spring MVC (by default ahead of
 * Tomcat's filter chain too: dev.paddock.shared.LanesValve, RegistrationConfiguration.registrationLaneAhead), which were most of
 * the CPU of a registration request in an opening rush (about 1.4 ms each, at ~2,800 attempts a second on two
 * cores).
 * <p>
 * It answers exactly as {@link RegistrationApiController} does, in the same order (RegistrationLaneIT compares both
 * over HTTP): a bad token 401 with {@code WWW-Authenticate: Bearer} (the {@code /api} chain's checks, through
 * {@link BearerTokens}; any role may register), an unreadable body 400, then the same {@link RegistrationDesk}: the
 * same checks, writer, replays, answers and problems, with the security chain's headers. Requests it would not
 * answer the same way go on down the chain (see {@link #shouldNotFilter}).
 */
final class RegistrationLane extends OncePerRequestFilter {

    static final String PATTERN = "/api/events/races/{raceId}/registrations";
    private static final String RACE_FULL = "race-full";
    /** A race id as {@code UUID.toString} writes it: any other spelling goes to Spring MVC, which words its 400. */
    private static final Pattern PATH = Pattern.compile(
            "/api/events/races/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/registrations");

    private final BearerTokens tokens;
    private final RegistrationDesk desk;
    private final ObjectReader requests;
    private final ObjectWriter answers;
    private final ObjectWriter problems;
    private final Timer served;
    /** The race-full refusal's bytes per path (a race id) and detail: the same problem each time, its instance the path. */
    private final Cache<String, byte[]> raceFull = Caffeine.newBuilder().maximumSize(1_000).build();

    RegistrationLane(BearerTokens tokens, RegistrationDesk desk, JsonMapper json, MeterRegistry meters) {
        this.tokens = tokens;
        this.desk = desk;
        this.requests = json.readerFor(RegistrationRequests.Individual.class);
        this.answers = json.writerFor(RegistrationAnswer.class);
        this.problems = json.writer();
        this.served = Timer.builder("paddock.events.registration.lane")
                .description("Registration requests served by the lane, ahead of Spring Security and Spring MVC (ahead"
                        + " of the filter chain, they are not in http.server.requests)")
                .register(meters);
    }

    /**
     * Anything the lane would not answer the same way goes on down the chain: another method or path, a race id
     * that is not a canonical UUID, no bearer token or a malformed {@code Authorization} header, a body that is not
     * declared JSON, an {@code Accept} header that refuses JSON (see {@link ApiLane#takes}).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !takes(request);
    }

    /** The requests the lane answers, as a filter or ahead of the filter chain (RegistrationConfiguration.registrationLaneAhead). */
    static boolean takes(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PATH.matcher(request.getRequestURI()).matches()
                && ApiLane.takes(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        serve(request, response);
    }

    /** Answers a registration it {@link #takes}. */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        // http.server.requests keeps its uri tag, which Spring MVC would have set
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(PATTERN));
        ApiLane.securityHeaders(request, response);
        try {
            AccountId account = tokens.account(ApiLane.bearer(request)).account();
            RegistrationRequests.Individual body = read(request);
            RegistrationAnswer answer = desk.register(account, raceId(request), body);
            if (answer.replayed()) {
                response.setHeader(RegistrationApiController.REPLAYED, "true");
            } else if (answer.orderId() != null) {
                response.setHeader(HttpHeaders.LOCATION, RegistrationApiController.orderPath(answer.orderId()));
            }
            ApiLane.write(response, answer.replayed() ? HttpStatus.OK.value() : HttpStatus.CREATED.value(),
                    MediaType.APPLICATION_JSON_VALUE, answers.writeValueAsBytes(answer));
        } catch (ProblemException refused) {
            if (RACE_FULL.equals(refused.slug())) {
                // the same bytes for every refusal of a race known full (7,500 of an opening's 20,000 attempts)
                ApiLane.write(response, refused.status().value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        raceFull.get(request.getRequestURI() + "|" + refused.getMessage(), key -> ApiLane.problemBytes(
                                request.getRequestURI(), ApiProblems.body(refused), problems)));
                return;
            }
            ApiLane.problem(request, response, ApiProblems.body(refused), problems);
        } catch (RuntimeException e) {
            ApiLane.problem(request, response, ApiProblems.body(ApiProblems.unexpected(e, "uri=" + request.getRequestURI())),
                    problems);
        } finally {
            served.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static UUID raceId(HttpServletRequest request) {
        Matcher matcher = PATH.matcher(request.getRequestURI());
        if (!matcher.matches()) {
            throw new IllegalStateException("Not a registration path: " + request.getRequestURI());
        }
        return UUID.fromString(matcher.group(1));
    }

    /** As {@code @RequestBody} reads it: Jackson's errors worded by {@link ApiProblems#unreadable}; no body or null: 400. */
    private RegistrationRequests.Individual read(HttpServletRequest request) throws IOException {
        RegistrationRequests.Individual body;
        try {
            body = requests.readValue(request.getInputStream());
        } catch (JacksonException e) {
            throw ApiProblems.unreadable(e);
        }
        if (body == null) {
            throw ApiProblems.unreadable(null);
        }
        return body;
    }
}
