package dev.paddock.tote.betting;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bet-taking pipeline ({@code paddock.tote.betting.*}, see config/tote-betting.yml).
 *
 * @param allowedCountries   ISO codes of the countries bets are taken from
 * @param countryHeader      a header set by a trusted proxy or CDN with the connection's country
 *                           (e.g. CF-IPCountry); blank: the account's country of residence is used
 * @param batchSize          most bets made durable in one transaction
 * @param writers            bet writers, each with its own transaction at a time; an account's bets always go to
 *                           the same one (see {@link BetWriter})
 * @param queueCapacity      bets waiting for the writers (shared out among them); beyond, a bet is answered 503
 *                           overloaded
 * @param maxInFlight        {@code POST /api/tote/bets} requests handled at once; beyond, answered 503 overloaded
 *                           at the door ({@link BetAdmission})
 * @param answerTimeout      how long a request waits for its batch
 * @param profileTtl         how long a player profile is reused for channel control
 * @param cancellationWindow how long after placing an online bet may be cancelled
 * @param wallet             {@code in-process} (the platform's wallet, debited in the batch transaction) or
 *                           {@code remote} (a wallet reached over HTTP, debited by {@link StakeSaga})
 * @param remoteWallet       the remote wallet's client settings; without a URL, the app's fake remote wallet
 *                           is used (see {@link RemoteStakeWallet})
 */
@ConfigurationProperties("paddock.tote.betting")
record BettingProperties(@DefaultValue("FR") List<String> allowedCountries, @DefaultValue("") String countryHeader,
        @DefaultValue("256") int batchSize, @DefaultValue("2") int writers, @DefaultValue("20000") int queueCapacity,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("5s") Duration answerTimeout, @DefaultValue("5s") Duration profileTtl,
        @DefaultValue("15m") Duration cancellationWindow, @DefaultValue("in-process") Wallet wallet,
        @DefaultValue RemoteWallet remoteWallet) {

    /**
     * Bound so that a misspelt mode stops the start-up instead of leaving the in-process wallet on; the beans
     * of the remote mode are chosen by {@code @ConditionalOnProperty} on the same setting.
     */
    enum Wallet {
        IN_PROCESS, REMOTE
    }

    /**
     * @param timeout      of one call (connection and answer)
     * @param attempts     calls made for one debit or reversal before it has failed for good
     * @param recoverAfter a bet still PENDING this long after it was placed was left by a crash: the recovery
     *                     job resolves it; longer than a saga can take (attempts x timeout, twice)
     * @param recoverEvery how often the recovery job looks for such bets (it also runs at start-up)
     * @param maxCalls     calls to the remote wallet in flight at once (each holds a connection)
     * @param maxSagas     batches whose debits are in flight at once; the writer stores the next batch PENDING
     *                     while earlier ones are being debited
     * @param batches      one call carries many debits (or reversals), answered item by item; false: one call
     *                     per debit, for a remote wallet that does not batch
     * @param batchSize    most debits (or reversals) in one batch call
     * @param completers   sagas' second transactions (with the recovery job's and cancellations) running at once
     */
    record RemoteWallet(@DefaultValue("500ms") Duration timeout, @DefaultValue("3") int attempts,
            @DefaultValue("30s") Duration recoverAfter, @DefaultValue("10s") Duration recoverEvery,
            @DefaultValue("64") int maxCalls, @DefaultValue("64") int maxSagas, @DefaultValue("true") boolean batches,
            @DefaultValue("256") int batchSize, @DefaultValue("2") int completers) {
    }
}
