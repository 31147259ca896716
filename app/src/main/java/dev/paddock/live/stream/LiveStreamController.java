package dev.paddock.live.stream;

import dev.paddock.identity.CurrentAccount;
import dev.paddock.shared.PublicPaths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live/stream?topic=a&topic=b}: one stream per page with the signed-in account's own events
 * (if any) and the public topics it asks for. Anonymous visitors get public topics only.
 */
@Controller
class LiveStreamController {

    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9:._-]{0,99}");
    private static final int MAX_TOPICS = 20;

    private final SseHub hub;

    LiveStreamController(SseHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = "/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(@RequestParam(name = "topic", required = false) List<String> topics) {
        Set<String> wanted = new LinkedHashSet<>();
        if (topics != null) {
            topics.stream().filter(t -> TOPIC.matcher(t).matches()).limit(MAX_TOPICS).forEach(wanted::add);
        }
        return hub.open(CurrentAccount.get().orElse(null), wanted);
    }

    @Bean
    static PublicPaths livePublicPaths() {
        return PublicPaths.web("/live/stream");
    }
}
