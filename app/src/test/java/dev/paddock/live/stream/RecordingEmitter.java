package dev.paddock.live.stream;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** An emitter with no HTTP response behind it: it records what it is sent, or fails like a closed socket. */
class RecordingEmitter extends SseEmitter {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean clientGone;

    void disconnect() {
        clientGone = true;
    }

    /** Each send as its wire text, e.g. {@code "event:wallet\ndata:{balance=5}\n\n"}. */
    List<String> sent() {
        return sent;
    }

    boolean received(String eventName) {
        return sent.stream().anyMatch(text -> text.startsWith("event:" + eventName + "\n"));
    }

    @Override
    public void send(SseEventBuilder builder) throws IOException {
        if (clientGone) {
            throw new IOException("Broken pipe");
        }
        sent.add(builder.build().stream().map(item -> String.valueOf(item.getData())).collect(Collectors.joining()));
    }
}
