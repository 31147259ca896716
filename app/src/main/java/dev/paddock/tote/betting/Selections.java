package dev.paddock.tote.betting;

import dev.paddock.parimutuel.Formulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A formulation as stored with its ticket and read back: {@code U:1,2}, {@code C:1,2,3},
 * {@code H:1/2,3} (champ: bases / partners), {@code L:1,2|3|4|5|6} (Big 5 legs). Short and readable in SQL;
 * a champ total is stored with its partners expanded, so the ticket holds every runner it covers. Public for
 * settlement, which pays each ticket from its stored formulation.
 */
public final class Selections {

    private Selections() {
    }

    static String write(Formulation formulation) {
        return switch (formulation) {
            case Formulation.Unit unit -> "U:" + join(unit.runners());
            case Formulation.Combined combined -> "C:" + join(combined.runners());
            case Formulation.Champ champ -> "H:" + join(champ.bases()) + "/" + join(champ.partners());
            case Formulation.Legs legs -> "L:" + legs.legs().stream().map(Selections::join)
                    .collect(Collectors.joining("|"));
        };
    }

    public static Formulation read(String stored) {
        String body = stored.substring(2);
        return switch (stored.charAt(0)) {
            case 'U' -> new Formulation.Unit(split(body));
            case 'C' -> new Formulation.Combined(split(body));
            case 'H' -> {
                int slash = body.indexOf('/');
                yield new Formulation.Champ(split(body.substring(0, slash)), split(body.substring(slash + 1)));
            }
            case 'L' -> {
                List<List<Integer>> legs = new ArrayList<>();
                for (String leg : body.split("\\|", -1)) {
                    legs.add(split(leg));
                }
                yield new Formulation.Legs(legs);
            }
            default -> throw new IllegalArgumentException("Not a stored formulation: " + stored);
        };
    }

    private static String join(List<Integer> runners) {
        return runners.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> split(String runners) {
        return runners.isEmpty() ? List.of() : Arrays.stream(runners.split(",")).map(Integer::valueOf).toList();
    }
}
