package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Where {@code POST /api/tote/bets} is served, whichever way the request came (the controller or the lane,
 * {@link BetLane}): the bet goes through {@link Betting}, and the answer is the same for both.
 */
@Component
class BetWindow {

    static final String PATH = "/api/tote/bets";
    static final String REPLAYED = "Idempotent-Replayed";

    private final Betting betting;
    private final Portfolio portfolio;

    BetWindow(Betting betting, Portfolio portfolio) {
        this.betting = betting;
        this.portfolio = portfolio;
    }

    /**
     * @throws dev.paddock.shared.ProblemException a refusal (channel control, the writer's verdict)
     * @throws Betting.Busy                        the writer could not take or store it in time
     */
    Receipt place(AccountId account, PlaceBetRequest body, HttpServletRequest request) {
        Betting.Placed placed = betting.placed(account, body, betting.connectionCountry(request));
        BetOutcome outcome = placed.outcome();
        // a replay of a bet cancelled since is read back; a new bet is answered from memory
        Portfolio.BetView bet = outcome.replayed() ? portfolio.bet(account, outcome.betId()).orElseThrow() : placed.view();
        return new Receipt(bet, outcome.replayed());
    }

    /** A 201 with the bet, its location, and {@code Idempotent-Replayed: true} for a replay. */
    record Receipt(Portfolio.BetView bet, boolean replayed) {

        URI location() {
            return URI.create("/api/tote/my/bets/" + bet.betId());
        }
    }
}
