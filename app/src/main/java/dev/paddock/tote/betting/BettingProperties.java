package dev.paddock.tote.betting;

import java.net.URI;
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
 * @param queueCapacity      bets waiting for the writer; beyond, a bet is answered 503 overloaded
 * @param answerTimeout      how long a request waits for its batch
 * @param profileTtl         how long a player profile is reused for channel control
 * @param cancellationWindow how long after placing an online bet may be cancelled
 * @param wallet             in-process (this application's wallet) or remote (over HTTP)
 * @param remoteWallet       where and how the remote wallet is called
 * @param fakeRemoteWallet   the fake remote wallet served under /fake-remote-wallet for tests and benchmarks
 */
@ConfigurationProperties("paddock.tote.betting")
record BettingProperties(@DefaultValue("FR") List<String> allowedCountries, @DefaultValue("") String countryHeader,
        @DefaultValue("256") int batchSize, @DefaultValue("20000") int queueCapacity,
        @DefaultValue("5s") Duration answerTimeout,
        @DefaultValue("5s") Duration profileTtl, @DefaultValue("15m") Duration cancellationWindow,
        @DefaultValue("in-process") String wallet, @DefaultValue RemoteWallet remoteWallet,
        @DefaultValue FakeRemoteWallet fakeRemoteWallet) {

    boolean remote() {
        return "remote".equalsIgnoreCase(wallet);
    }

    /**
     * @param url        base URL of the remote wallet's API
     * @param timeout    per call
     * @param attempts   calls before a debit whose outcome is unknown is compensated
     */
    record RemoteWallet(@DefaultValue("http://localhost:8080/fake-remote-wallet") URI url,
            @DefaultValue("500ms") Duration timeout, @DefaultValue("3") int attempts) {
    }

    /**
     * @param latency     added to each call
     * @param failureRate share of calls answered 503 (0.0 to 1.0)
     */
    record FakeRemoteWallet(@DefaultValue("0ms") Duration latency, @DefaultValue("0.0") double failureRate) {
    }
}
