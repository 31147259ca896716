package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ApiProblems;
import dev.paddock.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    static final String REPLAYED = BetWindow.REPLAYED;

    private final Betting betting;
    private final Portfolio portfolio;
    private final BetWindow window;

    BetApiController(Betting betting, Portfolio portfolio, BetWindow window) {
        this.betting = betting;
        this.portfolio = portfolio;
        this.window = window;
    }

    @PostMapping("/bets")
    ResponseEntity<Portfolio.BetView> place(AccountId account, @RequestBody PlaceBetRequest body,
            HttpServletRequest request) {
        BetWindow.Receipt receipt = window.place(account, body, request);
        ResponseEntity.BodyBuilder response = ResponseEntity.created(receipt.location());
        if (receipt.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(receipt.bet());
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
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ApiProblems.body(busy.problem()));
    }
}
