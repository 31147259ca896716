package dev.paddock.events.organizer;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The order of a bib run. {@code NAME}: by last name then first name (case aside, accented letters beside plain ones, as a
 * printed start list reads), a team by its name. {@code PREDICTED_TIME}: fastest first, so the first range
 * (wave) gets the fastest athletes; a team counts its fastest member's time; no time means last, then by
 * name. A team is one unit (its block): members first, then substitutes, each by name.
 */
enum BibOrder {
    NAME, PREDICTED_TIME;

    private static final Collator NAMES = names();

    List<List<UUID>> units(List<Entrant> entrants) {
        Map<UUID, List<Entrant>> teams = new LinkedHashMap<>();
        List<List<Entrant>> units = new ArrayList<>();
        for (Entrant entrant : entrants) {
            if (entrant.teamId() == null) {
                units.add(List.of(entrant));
            } else {
                teams.computeIfAbsent(entrant.teamId(), id -> {
                    List<Entrant> team = new ArrayList<>();
                    units.add(team);
                    return team;
                }).add(entrant);
            }
        }
        units.forEach(unit -> {
            if (unit.size() > 1) {
                unit.sort(WITHIN_TEAM);
            }
        });
        units.sort(this == NAME ? BY_NAME : BY_TIME.thenComparing(BY_NAME));
        return units.stream().map(unit -> unit.stream().map(Entrant::id).toList()).toList();
    }

    private static final Comparator<Entrant> PERSON = Comparator
            .comparing(Entrant::lastName, NAMES::compare)
            .thenComparing(Entrant::firstName, NAMES::compare)
            .thenComparing(Entrant::id);

    private static final Comparator<Entrant> WITHIN_TEAM = Comparator.comparing(Entrant::substitute).thenComparing(PERSON);

    private static final Comparator<List<Entrant>> BY_NAME = Comparator
            .comparing(BibOrder::unitName, NAMES::compare)
            .thenComparing(unit -> unit.getFirst(), PERSON);

    private static final Comparator<List<Entrant>> BY_TIME = Comparator.comparing(BibOrder::unitTime,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private static String unitName(List<Entrant> unit) {
        Entrant first = unit.getFirst();
        return first.teamId() != null ? first.teamName() : first.lastName() + " " + first.firstName();
    }

    private static Integer unitTime(List<Entrant> unit) {
        return unit.stream().map(Entrant::predictedSeconds).filter(java.util.Objects::nonNull)
                .min(Integer::compare).orElse(null);
    }

    private static Collator names() {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }
}
