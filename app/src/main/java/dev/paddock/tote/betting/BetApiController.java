package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bets over REST (JWT, CUSTOMER). Stakes are integer euro cents. */
@RestController
@RequestMapping("/api/tote")
@PreAuthorize("hasRole('CUSTOMER')")
class BetApiController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final Betting betting;
    private final Portfolio portfolio;

    BetApiController(Betting betting, Portfolio portfolio) {
        this.betting = betting;
        this.portfolio = portfolio;
    }

    @PostMapping("/bets")
    ResponseEntity<Portfolio.BetView> place(AccountId account, @RequestBody PlaceBetRequest body,
            HttpServletRequest request) {
        Betting.Placed placed = betting.placed(account, body, betting.connectionCountry(request));
        BetOutcome outcome = placed.outcome();
        // a replay of a bet cancelled since is read back; a new bet is answered from memory
        Portfolio.BetView bet = outcome.replayed() ? portfolio.bet(account, outcome.betId()).orElseThrow() : placed.view();
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/tote/my/bets/" + bet.betId()));
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(bet);
    }

    @PostMapping("/bets/{betId}/cancellation")
    Portfolio.BetView cancel(AccountId account, @PathVariable UUID betId) {
        BetOutcome outcome = betting.cancel(account, betId);
        return portfolio.bet(account, outcome.betId()).orElseThrow();
    }

    @GetMapping("/my/bets")
    Portfolio.BetPage myBets(AccountId account, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Portfolio.MAX_PAGE_SIZE) int size) {
        return portfolio.page(account, page, size);
    }

    @GetMapping("/my/bets/{betId}")
    Portfolio.BetView myBet(AccountId account, @PathVariable UUID betId) {
        return portfolio.bet(account, betId).orElseThrow(() ->
                ProblemException.of(HttpStatus.NOT_FOUND, "bet-not-found", "You have no bet " + betId + "."));
    }

    /** The writer's queue is full or it did not answer in time: back off, then retry with the same requestId. */
    @ExceptionHandler(Betting.Busy.class)
    ResponseEntity<ProblemDetail> busy(Betting.Busy busy) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, busy.getMessage());
        body.setType(URI.create(ProblemException.TYPE_BASE + "overloaded"));
        body.setTitle("Overloaded");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
