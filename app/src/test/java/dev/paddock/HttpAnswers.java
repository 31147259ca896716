package dev.paddock;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An HTTP answer as text to compare two servers' answers with: the status, the answer's headers (sorted, names in
 * lower case, without those of the transport) and the body.
 */
public final class HttpAnswers {

    /** Headers of the transport, not of the answer. */
    private static final Set<String> TRANSPORT = Set.of("date", "content-length", "transfer-encoding", "connection",
            "keep-alive");

    private HttpAnswers() {
    }

    public static String of(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!TRANSPORT.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        StringBuilder answer = new StringBuilder().append(response.statusCode()).append('\n');
        headers.forEach((name, values) -> answer.append(name).append(": ").append(values).append('\n'));
        return answer.append('\n').append(response.body()).toString();
    }
}
