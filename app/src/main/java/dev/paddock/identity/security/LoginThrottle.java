package dev.paddock.identity.security;

import dev.paddock.identity.account.Emails;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j, in this node's memory) of failed logins per client address and per e-mail.
 * Only failures spend tokens: at a race start thousands of people log in at once, often from one mobile
 * carrier's shared address, and a correct password must never be refused for that. A login is refused
 * while either bucket is empty. Buckets run on the application clock, so tests move time instead of
 * waiting. With N nodes an attacker gets N times the allowance, which the database-backed lockout caps.
 */
@Component
class LoginThrottle {

    private final LoginProperties properties;
    private final TimeMeter time;
    private final Map<String, Bucket> byIp = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byEmail = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** How long to wait before trying again, if this address or this e-mail has used up its failures. */
    Optional<Duration> refusal(String ip, String email) {
        long wait = Math.max(waitNanos(byIp.get(key(ip))), waitNanos(byEmail.get(Emails.normalise(email))));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    void failed(String ip, String email) {
        byIp.computeIfAbsent(key(ip), k -> bucket(properties.perIpFailures(), properties.perIpWindow())).tryConsume(1);
        byEmail.computeIfAbsent(Emails.normalise(email),
                k -> bucket(properties.perAccountFailures(), properties.perAccountWindow())).tryConsume(1);
    }

    /** Full buckets hold no information; dropping them keeps memory bounded by recent failures. */
    @Scheduled(fixedDelay = 60_000)
    void forgetFullBuckets() {
        byIp.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.perIpFailures());
        byEmail.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.perAccountFailures());
    }

    private Bucket bucket(int failures, Duration window) {
        return Bucket.builder().addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window))
                .withCustomTimePrecision(time).build();
    }

    private static long waitNanos(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private static String key(String ip) {
        return ip == null ? "unknown" : ip;
    }
}
