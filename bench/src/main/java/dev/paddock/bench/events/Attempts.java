package dev.paddock.bench.events;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.Outcome;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.Schedule;
import dev.paddock.bench.Target;
import dev.paddock.bench.events.Buyers.Buyer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The rush's registration attempts and what each came back with. Attempt n registers athlete n, bought by buyer
 * n mod buyers (round-robin, so each buyer's athletes arrive spread over the rush), with requestId
 * {@code rush-<run>-<n>} and {@code waitlist} true for a fixed pseudo-random share of attempts. After the rush,
 * attempts whose outcome is unknown (no answer, a server error) are sent again with the same requestId, as a
 * client retries, until their outcome is known; the registration API answers a replay with the original result.
 * During the rush, an attempt answered 503 (shed: nothing stored, {@code Retry-After: 1}) is sent again a second
 * later with the same requestId, up to {@code shedRetries} times, as the client a person uses would: the attempt
 * is timed until that final answer, so a shed attempt counts with its wait and never as a quick answer.
 * Attempts and replays go through the lean {@link KeepAliveClient} when one is given, else the JDK client.
 */
final class Attempts implements Target {

    private static final int REPLAYS_AT_ONCE = 200;
    private static final int REPLAY_ROUNDS = 5;

    private final PaddockApi api;
    private final KeepAliveClient lean;
    private final String raceId;
    private final List<Buyer> buyers;
    private final Athletes athletes;
    private final String run;
    private final double waitlistShare;
    private final int shedRetries;
    private final AtomicIntegerArray sent;
    private final AtomicIntegerArray shed;
    private final AtomicReferenceArray<Answer> firsts;
    private final AtomicReferenceArray<Answer> answers;
    private final AtomicReferenceArray<Answer> replays;
    /** When each attempt was sent and when its final answer came ({@code System.nanoTime}), for {@link #trace}. */
    private final long[] sentAt;
    private final long[] answeredAt;

    /**
     * @param lean        the registrations' keep-alive client; null = the JDK client ({@code --client jdk})
     * @param shedRetries how many times an attempt answered 503 is sent again within the attempt (0: its first
     *                    answer ends it)
     */
    Attempts(PaddockApi api, KeepAliveClient lean, String raceId, List<Buyer> buyers, Athletes athletes, String run,
            int count, double waitlistShare, int shedRetries) {
        this.api = api;
        this.lean = lean;
        this.raceId = raceId;
        this.buyers = buyers;
        this.athletes = athletes;
        this.run = run;
        this.waitlistShare = waitlistShare;
        this.shedRetries = shedRetries;
        this.sent = new AtomicIntegerArray(count);
        this.shed = new AtomicIntegerArray(count);
        this.firsts = new AtomicReferenceArray<>(count);
        this.answers = new AtomicReferenceArray<>(count);
        this.replays = new AtomicReferenceArray<>(count);
        this.sentAt = new long[count];
        this.answeredAt = new long[count];
    }

    int count() {
        return answers.length();
    }

    Buyer buyer(int n) {
        return buyers.get(n % buyers.size());
    }

    /** A fixed pseudo-random split (golden-ratio hashing), so two runs ask for the waitlist alike. */
    boolean waitlist(long n) {
        return ((n * 0x9E3779B97F4A7C15L) >>> 11) / (double) (1L << 53) < waitlistShare;
    }

    private CompletableFuture<KeepAliveClient.Reply> post(int n) {
        Athletes.Athlete athlete = athletes.athlete(n);
        String body = api.json(RushEvent.object("requestId", "rush-" + run + "-" + n,
                "athlete", Map.of("firstName", athlete.firstName(), "lastName", athlete.lastName(),
                        "gender", athlete.gender(), "birthDate", athlete.birthDate().toString(),
                        "nationality", athlete.nationality(), "email", athlete.email()),
                "answers", RushEvent.answers(athlete), "promoCode", null, "payment", "WALLET",
                "waitlist", waitlist(n)));
        String path = "/api/events/races/" + raceId + "/registrations";
        String token = buyer(n).tokens().get().accessToken();
        if (lean != null) {
            return lean.postJsonKeepingBody(path, token, body);
        }
        return api.sendKeepingBody(api.request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build())
                .thenApply(response -> KeepAliveClient.Reply.of(response.statusCode(), response.body()));
    }

    @Override
    public CompletableFuture<Outcome> send(long sequence) {
        int n = (int) sequence;
        sentAt[n] = System.nanoTime();
        sent.set(n, 1);
        return untilNotShed(n, 0).handle((response, failure) -> {
            answeredAt[n] = System.nanoTime();
            Answer answer = failure == null ? Answer.of(response, api) : Answer.noResponse(failure);
            firsts.compareAndSet(n, null, answer);
            answers.set(n, answer);
            return failure == null ? response.outcome() : Outcome.failed(failure);
        });
    }

    /** Attempt n, sent again a second after each 503 (shed) up to {@code shedRetries} times. */
    private CompletableFuture<KeepAliveClient.Reply> untilNotShed(int n, int retries) {
        return post(n).thenCompose(reply -> {
            if (retries == 0) {
                firsts.set(n, Answer.of(reply, api));
            }
            if (reply.status() != 503 || retries >= shedRetries) {
                return CompletableFuture.completedFuture(reply);
            }
            shed.incrementAndGet(n);
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                    .thenCompose(waited -> untilNotShed(n, retries + 1));
        });
    }

    private CompletableFuture<Answer> exchange(int n) {
        return post(n).handle((response, failure) ->
                failure == null ? Answer.of(response, api) : Answer.noResponse(failure));
    }

    /** Sends every attempt, {@code atOnce} at a time, and waits for the answers (the warm-up, not measured). */
    void sendAll(int atOnce) {
        List<CompletableFuture<Outcome>> pending = new ArrayList<>();
        for (int n = 0; n < count(); n++) {
            pending.add(send(n));
            if (pending.size() == atOnce || n == count() - 1) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                pending.clear();
            }
        }
    }

    /**
     * Sends every attempt of unknown outcome again, same requestId and content, in rounds a second apart until
     * every outcome is known or {@value #REPLAY_ROUNDS} rounds have passed (a 503 to a replay is unknown too);
     * returns how many attempts were replayed.
     */
    int replayUnknown() throws InterruptedException {
        int replayed = 0;
        for (int round = 1; round <= REPLAY_ROUNDS; round++) {
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            int unknown = 0;
            for (int n = 0; n < count(); n++) {
                Answer answer = outcome(n);
                if (sent.get(n) == 1 && (answer == null || answer.unknown())) {
                    int attempt = n;
                    pending.add(exchange(n).thenAccept(replay -> replays.set(attempt, replay)));
                    replayed += round == 1 ? 1 : 0;
                    unknown++;
                }
                if (pending.size() == REPLAYS_AT_ONCE || (n == count() - 1 && !pending.isEmpty())) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                    pending.clear();
                }
            }
            if (unknown == 0) {
                break;
            }
            Thread.sleep(1_000);
        }
        return replayed;
    }

    /** What attempt n finally came to: its replay's answer if it was replayed, else its answer; null if never sent. */
    Answer outcome(int n) {
        Answer replay = replays.get(n);
        return replay != null ? replay : answers.get(n);
    }

    boolean wasSent(int n) {
        return sent.get(n) == 1;
    }

    /**
     * Every attempt sent, one CSV line each: its number, when it was due and when it was sent (ms from
     * {@code openingNanos}, the generator's start), its latency from when it was due to its final answer (as the
     * generator times it; empty if unanswered), its first and its final answer. The arrays are read after the
     * generator joined and drained (its thread's end orders the writes before).
     */
    List<String> trace(long openingNanos, Schedule schedule) {
        List<String> lines = new ArrayList<>();
        lines.add("attempt,due_ms,sent_ms,latency_ms,first,final");
        for (int n = 0; n < count(); n++) {
            if (!wasSent(n)) {
                continue;
            }
            long dueOffset = schedule.intendedOffsetNanos(n);
            long due = openingNanos + dueOffset;
            Answer first = firsts.get(n);
            Answer last = answers.get(n);
            lines.add(String.format(java.util.Locale.ROOT, "%d,%.3f,%.3f,%s,%s,%s", n, dueOffset / 1e6,
                    (sentAt[n] - openingNanos) / 1e6, answeredAt[n] == 0 ? ""
                            : String.format(java.util.Locale.ROOT, "%.3f", (answeredAt[n] - due) / 1e6),
                    csv(first), csv(last)));
        }
        return lines;
    }

    private static String csv(Answer answer) {
        return answer == null ? "" : answer.label().replace(',', ';');
    }

    /** First answers by label (CONFIRMED, WAITLISTED, 409 race-full...), unanswered ones as such. */
    Map<String, Long> firstAnswers() {
        return labels(firsts);
    }

    /** The answers that ended the attempts (after their sheds were sent again), by label. */
    Map<String, Long> finalAnswers() {
        return labels(answers);
    }

    /** Attempts shed (503) at least once and sent again within the attempt, and how many times in all. */
    long[] shedAndSentAgain() {
        long attempts = 0;
        long times = 0;
        for (int n = 0; n < count(); n++) {
            attempts += shed.get(n) > 0 ? 1 : 0;
            times += shed.get(n);
        }
        return new long[] {attempts, times};
    }

    private Map<String, Long> labels(AtomicReferenceArray<Answer> given) {
        Map<String, Long> labels = new TreeMap<>();
        for (int n = 0; n < count(); n++) {
            Answer answer = given.get(n);
            if (answer != null) {
                labels.merge(answer.label(), 1L, Long::sum);
            } else if (wasSent(n)) {
                labels.merge("unanswered at the end", 1L, Long::sum);
            }
        }
        return labels;
    }

    /** Replays' answers by label. */
    Map<String, Long> replayAnswers() {
        Map<String, Long> labels = new TreeMap<>();
        for (int n = 0; n < count(); n++) {
            Answer replay = replays.get(n);
            if (replay != null) {
                labels.merge(replay.label(), 1L, Long::sum);
            }
        }
        return labels;
    }
}
