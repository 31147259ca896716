package dev.paddock.events.catalog;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks a promo code before it is stored. Pure. */
final class PromoCodeRules {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{3,30}");

    private PromoCodeRules() {
    }

    /**
     * What is wrong with the code; {@code eventRaces} are the ids of the event's races, {@code now} the
     * moment it is created (a code that has already expired is refused).
     */
    static List<FieldProblem> problems(PromoCode promo, Set<UUID> eventRaces, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (promo.code() == null || !CODE.matcher(promo.code()).matches()) {
            problems.add(new FieldProblem("code", "pattern", "A code has 3 to 30 capital letters, digits or dashes"));
        }
        if (promo.kind() == null) {
            problems.add(new FieldProblem("kind", "required", "AMOUNT or PERCENT is required"));
        } else if (promo.kind() == PromoCode.Kind.AMOUNT) {
            if (promo.valueCents() == null || promo.valueCents() <= 0) {
                problems.add(new FieldProblem("valueCents", "range", "An AMOUNT code takes a positive valueCents"));
            }
            if (promo.percent() != null) {
                problems.add(new FieldProblem("percent", "not-allowed", "An AMOUNT code has no percent"));
            }
        } else {
            if (promo.percent() == null || promo.percent() < 1 || promo.percent() > 100) {
                problems.add(new FieldProblem("percent", "range", "A PERCENT code takes a percent from 1 to 100"));
            }
            if (promo.valueCents() != null) {
                problems.add(new FieldProblem("valueCents", "not-allowed", "A PERCENT code has no valueCents"));
            }
        }
        if (promo.raceIds() != null) {
            if (promo.raceIds().isEmpty()) {
                problems.add(new FieldProblem("raceIds", "size", "Give at least one race, or null for every race"));
            }
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < promo.raceIds().size(); i++) {
                UUID race = promo.raceIds().get(i);
                if (race == null || !eventRaces.contains(race) || !seen.add(race)) {
                    problems.add(new FieldProblem("raceIds[" + i + "]", "unknown-race",
                            "Not a race of this event, or given twice"));
                }
            }
        }
        if (promo.validUntil() != null && !promo.validUntil().isAfter(now)) {
            problems.add(new FieldProblem("validUntil", "past", "A code is valid until a moment still to come"));
        }
        if (promo.maxUses() != null && promo.maxUses() < 1) {
            problems.add(new FieldProblem("maxUses", "range", "maxUses is at least 1, or null for no limit"));
        }
        return List.copyOf(problems);
    }
}
