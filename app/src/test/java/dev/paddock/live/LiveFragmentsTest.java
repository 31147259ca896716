package dev.paddock.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template fragment that refreshes itself on a live event and swaps itself out (hx-swap="outerHTML")
 * carries hx-sync="this:replace". Without it htmx queues an event that arrives while the fragment's request is
 * in flight on the old element, then drops it when that element is swapped out: of two quick updates (a
 * result corrected, then made official) the page would keep the older one. It also carries an id: the page
 * script fires again, once the new element has settled, an event that landed between the swap and the settle,
 * and it finds the fragment by id.
 */
class LiveFragmentsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final String WITH_ID = "(?s).*\\sid=\"[^\"]+\".*";
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^<>]*>", Pattern.DOTALL);

    @Test
    void selfSwappingLiveFragmentsReplaceAnInFlightRequest() throws IOException {
        List<String> selfSwapping = new ArrayList<>();
        List<String> withoutReplace = new ArrayList<>();
        List<String> withoutId = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher tag = TAG.matcher(Files.readString(file));
                while (tag.find()) {
                    String text = tag.group();
                    if (text.matches("(?s).*hx-trigger=\"[^\"]*live:.*") && text.contains("hx-swap=\"outerHTML\"")) {
                        String where = TEMPLATES.relativize(file) + ": " + text.replaceAll("\\s+", " ");
                        selfSwapping.add(where);
                        if (!text.contains("hx-sync=\"this:replace\"")) {
                            withoutReplace.add(where);
                        }
                        if (!text.matches(WITH_ID)) {
                            withoutId.add(where);
                        }
                    }
                }
            }
        }
        assertThat(selfSwapping).as("the check must see the live fragments it guards").hasSizeGreaterThanOrEqualTo(5);
        assertThat(withoutReplace).isEmpty();
        assertThat(withoutId).isEmpty();
    }

    @Test
    void theCheckSeesAFragmentWithoutTheAttribute() {
        String fragment = "<section id=\"x\"\n   hx-trigger=\"live:result from:body\" hx-swap=\"outerHTML\">";
        Matcher tag = TAG.matcher(fragment);
        assertThat(tag.find()).isTrue();
        assertThat(tag.group()).matches("(?s).*hx-trigger=\"[^\"]*live:.*").doesNotContain("hx-sync");
        assertThat(tag.group()).matches(WITH_ID);
        assertThat("<section class=\"x\" hx-trigger=\"live:result from:body\">").doesNotMatch(WITH_ID);
    }
}
