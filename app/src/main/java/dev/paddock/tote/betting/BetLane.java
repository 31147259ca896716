package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.BearerTokens;
import dev.paddock.identity.Role;
import dev.paddock.shared.ApiLane;
import dev.paddock.shared.ApiProblems;
import dev.paddock.shared.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bet lane: {@code POST /api/tote/bets} with a bearer token is served here, right after the bet door
 * ({@link BetAdmission}), without Spring Security's filter chain and Spring MVC; by default ahead of Tomcat's filter
 * chain too (dev.paddock.shared.LanesValve, BettingConfiguration.betLaneAhead), as a filter for MockMvc and with
 * {@code paddock.lanes.valve=false}. Those were most of the CPU a
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

    private final BearerTokens tokens;
    private final BetWindow window;
    private final JsonMapper json;
    private final Timer served;

    BetLane(BearerTokens tokens, BetWindow window, JsonMapper json, MeterRegistry meters) {
        this.tokens = tokens;
        this.window = window;
        this.json = json;
        this.served = Timer.builder("paddock.tote.bet.lane")
                .description("Bet requests served by the lane, ahead of Spring Security and Spring MVC (they are not "
                        + "in http.server.requests)")
                .register(meters);
    }

    /**
     * Anything the lane would not answer the same way goes on down the chain: no bearer token, a malformed
     * {@code Authorization} header, a body that is not declared JSON (Spring MVC also reads YAML and words its
     * 415 from all its converters), an {@code Accept} header that refuses JSON (Spring MVC negotiates, and may
     * answer 406). Those are rare; the bets the lane is for come with JSON and a token.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !serves(request);
    }

    /** The requests the lane answers, which are timed by its own timer, not by http.server.requests. */
    static boolean serves(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && BetWindow.PATH.equals(request.getRequestURI())
                && ApiLane.takes(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        serve(request, response);
    }

    /** Answers a bet it {@link #serves}, as a filter or ahead of the filter chain (BettingConfiguration.betLaneAhead). */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        ApiLane.securityHeaders(request, response);
        try {
            BearerTokens.Bearer bearer = tokens.account(ApiLane.bearer(request));
            PlaceBetRequest bet = read(request);
            AccountId account = bearer.acting(Role.CUSTOMER);
            BetWindow.Receipt receipt = window.place(account, bet, request);
            response.setHeader(HttpHeaders.LOCATION, receipt.location().toString());
            if (receipt.replayed()) {
                response.setHeader(BetWindow.REPLAYED, "true");
            }
            ApiLane.write(response, HttpStatus.CREATED.value(), MediaType.APPLICATION_JSON_VALUE,
                    json.writeValueAsBytes(receipt.bet()));
        } catch (ProblemException refused) {
            problem(request, response, ApiProblems.body(refused));
        } catch (Betting.Busy busy) {
            problem(request, response, ApiProblems.body(busy.problem()));
        } catch (RuntimeException e) {
            problem(request, response, ApiProblems.body(ApiProblems.unexpected(e, "uri=" + BetWindow.PATH)));
        } finally {
            served.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
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
        ApiLane.problem(request, response, problem, json.writer());
    }
}
