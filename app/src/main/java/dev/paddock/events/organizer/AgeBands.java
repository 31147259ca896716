package dev.paddock.events.organizer;

import java.util.List;

/** Ten-year age bands for the dashboard, the same for every race so events compare: U20, 20-29 ... 70+. */
final class AgeBands {

    static final List<String> ALL = List.of("U20", "20-29", "30-39", "40-49", "50-59", "60-69", "70+");

    private AgeBands() {
    }

    static String of(int age) {
        if (age < 20) {
            return "U20";
        }
        if (age >= 70) {
            return "70+";
        }
        int from = age / 10 * 10;
        return from + "-" + (from + 9);
    }
}
