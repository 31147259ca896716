package dev.paddock.bench.results;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.Outcome;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.Schedule;
import dev.paddock.bench.Target;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The passings of the replayed part of the race, each due when its race time comes on the compressed clock
 * ({@code compression} race milliseconds per second of the run), sent one by one through the authenticated intake
 * API by an open-model generator, over the passings' {@link KeepAliveClient} when one is given (else the JDK
 * client). Every {@code sampleEvery}-th passing counted is followed until the results API
 * shows it ({@link RankingLag}).
 */
final class Replay implements Schedule, Target {

    private final ResultsRace race;
    private final PaddockApi api;
    private final KeepAliveClient lean;
    private final List<Marathon.Crossing> crossings;
    private final long from;
    private final long compression;
    private final Duration length;
    private final int sampleEvery;
    private final RankingLag lag;
    private final Outcomes outcomes;

    /** @param lean the passings' keep-alive client; null = the JDK client ({@code --client jdk}) */
    Replay(ResultsRace race, PaddockApi api, KeepAliveClient lean, List<Marathon.Crossing> crossings, long from,
            long compression,
            Duration length, int sampleEvery, RankingLag lag, Outcomes outcomes) {
        this.race = race;
        this.api = api;
        this.lean = lean;
        this.crossings = crossings;
        this.from = from;
        this.compression = compression;
        this.length = length;
        this.sampleEvery = Math.max(1, sampleEvery);
        this.lag = lag;
        this.outcomes = outcomes;
    }

    @Override
    public long intendedOffsetNanos(long n) {
        if (n >= crossings.size()) {
            return Long.MAX_VALUE;
        }
        long offset = Math.round((crossings.get((int) n).raceMillis() - from) * 1e9 / compression);
        return offset >= length.toNanos() ? Long.MAX_VALUE : Math.max(0, offset);
    }

    @Override
    public Duration length() {
        return length;
    }

    @Override
    public CompletableFuture<Outcome> send(long sequence) {
        Marathon.Crossing crossing = crossings.get((int) sequence);
        return send(crossing, sequence % sampleEvery == 0);
    }

    /** Sends one crossing (again, after an unknown outcome: the same read id changes nothing). */
    CompletableFuture<Outcome> send(Marathon.Crossing crossing, boolean followed) {
        return post(crossing).thenApply(response -> {
            long answeredAt = System.nanoTime();
            if (response.status() / 100 != 2) {
                return response.outcome();
            }
            String verdict = api.read(response.body()).get("verdict").asString();
            outcomes.answered(crossing, verdict);
            if (followed && verdict.equals("COUNTED")) {
                lag.follow(crossing, answeredAt);
            }
            return response.outcome();
        });
    }

    private CompletableFuture<KeepAliveClient.Reply> post(Marathon.Crossing crossing) {
        String token = race.operator().get().accessToken();
        String read = api.json(race.read(crossing));
        if (lean != null) {
            return lean.postJsonKeepingBody(race.passings(), token, read);
        }
        return api.sendKeepingBody(api.request(race.passings(), token).POST(HttpRequest.BodyPublishers.ofString(read))
                .build()).thenApply(response -> KeepAliveClient.Reply.of(response.statusCode(), response.body()));
    }

    /** Sends again, one at a time, every crossing of unknown outcome; how many were sent. */
    int replayUnknown() {
        int sent = 0;
        for (int round = 0; round < 5; round++) {
            List<Marathon.Crossing> unknown = crossings.stream().filter(c -> c.raceMillis() < from
                    + length.toMillis() * compression / 1000 && !outcomes.known(c)).toList();
            for (Marathon.Crossing crossing : unknown) {
                // a failure leaves the outcome unknown, for the next round
                send(crossing, false).exceptionally(Outcome::failed).join();
                sent++;
            }
        }
        return sent;
    }
}
