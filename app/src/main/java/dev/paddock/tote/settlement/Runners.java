package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.CombinationKey;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A combination as people read it: "3-1-7" in the key's order; a Big 5's runner per leg, "3/1/7/2/5". */
final class Runners {

    private Runners() {
    }

    static String of(BetType type, long key) {
        String separator = type.multiRace() ? "/" : "-";
        return Arrays.stream(CombinationKey.decode(key)).mapToObj(String::valueOf).collect(Collectors.joining(separator));
    }
}
