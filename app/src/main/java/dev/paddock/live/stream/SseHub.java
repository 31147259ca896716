package dev.paddock.live.stream;

import dev.paddock.identity.AccountId;
import dev.paddock.live.LiveChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams of this node, indexed by account and by public topic. A stream
 * that fails on send is dropped; the browser's EventSource reconnects by itself.
 */
@Component
class SseHub implements LiveChannel {

    private static final Logger log = LoggerFactory.getLogger(SseHub.class);
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    SseEmitter open(AccountId account, Set<String> topics) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Set<String> keys = new HashSet<>();
        if (account != null) {
            keys.add(accountKey(account));
        }
        topics.forEach(topic -> keys.add(topicKey(topic)));
        keys.forEach(key -> streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(emitter));
        Runnable remove = () -> keys.forEach(key -> streams.computeIfPresent(key, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        }));
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(emitter, "ready", Map.of());
        return emitter;
    }

    @Override
    public void toAccount(AccountId account, String event, Object data) {
        broadcast(accountKey(account), event, data);
    }

    @Override
    public void toTopic(String topic, String event, Object data) {
        broadcast(topicKey(topic), event, data);
    }

    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** A comment line every 20 s keeps proxies from closing idle streams and finds dead ones. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        streams.values().forEach(set -> set.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }));
    }

    private void broadcast(String key, String event, Object data) {
        Set<SseEmitter> targets = streams.get(key);
        if (targets != null) {
            targets.forEach(emitter -> send(emitter, event, data));
        }
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data));
        } catch (IOException | IllegalStateException e) {
            log.debug("Dropping a live stream that failed on send: {}", e.getMessage());
            emitter.completeWithError(e);
        }
    }

    private static String accountKey(AccountId account) {
        return "account:" + account.value();
    }

    private static String topicKey(String topic) {
        return "topic:" + topic;
    }
}
