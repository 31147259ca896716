package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The bet-taking pipeline as the API and the pages use it: channel control on the request's thread, then the
 * writer; the caller waits (a virtual thread) for its batch to commit, at most {@code answer-timeout}.
 */
@Service
class Betting {

    private final ChannelControl control;
    private final BetWriter writer;
    private final BettingProperties properties;
    private final Duration timeout;

    Betting(ChannelControl control, BetWriter writer, BettingProperties properties) {
        this.control = control;
        this.writer = writer;
        this.properties = properties;
        this.timeout = properties.answerTimeout();
    }

    /** The country of the connection, from the trusted header when one is configured; else null. */
    String connectionCountry(HttpServletRequest request) {
        String header = properties.countryHeader();
        return header == null || header.isBlank() ? null : request.getHeader(header);
    }

    /** @param country the connection's country, or null to use the account's country of residence */
    BetOutcome place(AccountId account, PlaceBetRequest body, String country) {
        return placed(account, body, country).outcome();
    }

    /** An accepted ticket (replayed or not) with its outcome; a refusal is thrown as its problem. */
    record Placed(Ticket ticket, BetOutcome outcome) {
        /** The bet as the portfolio shows it, without reading it back. */
        Portfolio.BetView view() {
            return new Portfolio.BetView(outcome.betId(), ticket.requestId(), ticket.poolId(), ticket.raceIds().getFirst(),
                    ticket.raceCode(), ticket.raceName(), ticket.betType().name(), ticket.formulation(),
                    ticket.combinations(), ticket.unitStake().cents(), ticket.totalStake().cents(),
                    ticket.channel().name(), outcome.status().name(), outcome.refusal(), outcome.placedAt(), null, null, null,
                    outcome.status() == BetStatus.ACCEPTED ? Portfolio.PENDING : null);
        }
    }

    Placed placed(AccountId account, PlaceBetRequest body, String country) {
        Ticket ticket = control.check(account, body, country);
        BetOutcome outcome = await(writer.place(ticket));
        // a retry of a bet whose debit is still in flight (remote wallet): its outcome is not known yet
        if (outcome.status() == BetStatus.PENDING) {
            throw new Busy("This bet is still being debited; retry with the same requestId to learn its outcome.");
        }
        // a COMPENSATING bet (remote wallet) is refused: only its reversal is still to be acknowledged
        if (outcome.status() == BetStatus.REFUSED || outcome.status() == BetStatus.COMPENSATING) {
            throw refusal(outcome.refusal());
        }
        return new Placed(ticket, outcome);
    }

    BetOutcome cancel(AccountId account, UUID betId) {
        return await(writer.cancel(account, betId));
    }

    private BetOutcome await(CompletableFuture<BetOutcome> answer) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Busy("The bet was not stored within " + timeout.toMillis()
                    + " ms; it may still be. Retry with the same requestId to learn its outcome.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("Interrupted while waiting for the bet to be stored.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BetWriter.Overloaded overloaded) {
                throw new Busy(overloaded.getMessage());
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static ProblemException refusal(String slug) {
        return switch (slug) {
            case "race-closed" -> ProblemException.of(HttpStatus.CONFLICT, slug,
                    "The race stopped taking bets before this bet was stored; nothing was taken.");
            case "insufficient-funds" -> ProblemException.of(HttpStatus.CONFLICT, slug,
                    "The wallet does not hold the stake; nothing was taken.");
            case "weekly-stake-limit" -> ProblemException.of(HttpStatus.CONFLICT, slug,
                    "This bet would take your stakes of the last 7 days over your weekly limit.");
            case "wallet-unavailable" -> ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, slug,
                    "The wallet could not be reached; nothing was taken. Place the bet again with a new requestId.");
            case "request-id-reused" -> ProblemException.of(HttpStatus.CONFLICT, slug,
                    "This requestId was already used for a different bet; use a new requestId for a new bet.");
            default -> ProblemException.of(HttpStatus.CONFLICT, slug, "The bet was refused: " + slug + ".");
        };
    }

    /** 503 with Retry-After. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }

        /** 503 {@code overloaded}, answered with {@code Retry-After: 1}. */
        ProblemException problem() {
            return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", getMessage());
        }
    }
}
