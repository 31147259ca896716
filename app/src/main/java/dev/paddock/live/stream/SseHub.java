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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams of this node, indexed by account and by public topic. A stream
 * that fails on send is dropped from the index; Spring MVC and the container end the response by
 * themselves, and the browser's EventSource reconnects. With Kafka configured, {@link KafkaLiveChannel}
 * is the {@link LiveChannel} callers get and this hub only delivers what reaches this node.
 */
@Component
class SseHub implements LiveChannel, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SseHub.class);

    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();
    /** Every open stream, including one with nothing to receive (anonymous, no topic) that no key indexes. */
    private final Set<Stream> all = ConcurrentHashMap.newKeySet();
    private final Duration lifetime;
    private volatile boolean running;

    SseHub(@Value("${paddock.live.stream-lifetime:30m}") Duration lifetime) {
        this.lifetime = lifetime;
    }

    SseEmitter open(AccountId account, Set<String> topics) {
        return register(new SseEmitter(lifetime.toMillis()), account, topics);
    }

    /** Indexes an emitter under its account (if any) and topics, and greets it with a {@code ready} event. */
    SseEmitter register(SseEmitter emitter, AccountId account, Set<String> topics) {
        Set<String> keys = new HashSet<>();
        if (account != null) {
            keys.add(accountKey(account));
        }
        topics.forEach(topic -> keys.add(topicKey(topic)));
        Stream stream = new Stream(emitter, Set.copyOf(keys));
        all.add(stream);
        keys.forEach(key -> streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(stream));
        emitter.onCompletion(() -> remove(stream));
        emitter.onError(e -> remove(stream));
        // Without this, the lifetime's end is an AsyncRequestTimeoutException instead of a clean end of stream.
        emitter.onTimeout(emitter::complete);
        send(stream, SseEmitter.event().name("ready").data(Map.of()));
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
        return all.size();
    }

    /** A comment line keeps proxies from closing idle streams and finds dead ones; once per stream. */
    @Scheduled(fixedDelayString = "${paddock.live.heartbeat-interval:20s}",
            initialDelayString = "${paddock.live.heartbeat-interval:20s}")
    void heartbeat() {
        Set.copyOf(all).forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat")));
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream when the application stops, before the web server's graceful shutdown: an open
     * stream would otherwise hold it for its whole timeout. Browsers reconnect to another node.
     */
    @Override
    public void stop() {
        running = false;
        Set<Stream> open = Set.copyOf(all);
        log.info("Ending {} live stream(s) before shutdown", open.size());
        open.forEach(stream -> {
            remove(stream);
            stream.emitter().complete();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (phase {@code Integer.MAX_VALUE - 1024}). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void broadcast(String key, String event, Object data) {
        Set<Stream> targets = streams.get(key);
        if (targets != null) {
            targets.forEach(stream -> send(stream, SseEmitter.event().name(event).data(data)));
        }
    }

    private void send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the stream already ended: Spring MVC completes it; we only forget it.
            log.debug("Dropping a live stream that failed on send: {}", e.getMessage());
            remove(stream);
        }
    }

    private void remove(Stream stream) {
        all.remove(stream);
        stream.keys().forEach(key -> streams.computeIfPresent(key, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        }));
    }

    private static String accountKey(AccountId account) {
        return "account:" + account.value();
    }

    private static String topicKey(String topic) {
        return "topic:" + topic;
    }

    /** Identity matters: two streams of one page are two entries, hence no record. */
    private static final class Stream {
        private final SseEmitter emitter;
        private final Set<String> keys;

        Stream(SseEmitter emitter, Set<String> keys) {
            this.emitter = emitter;
            this.keys = keys;
        }

        SseEmitter emitter() {
            return emitter;
        }

        Set<String> keys() {
            return keys;
        }
    }
}
