package dev.paddock.events.catalog;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A race's price tiers: checked before they are stored, and the one that applies at a moment. Pure. Tiers
 * follow each other without overlap (a payment has one price) and without gaps (an athlete who registers
 * between two tiers would have no price); before the first and after the last there is no price.
 */
final class PriceTiers {

    static final int MAX_TIERS = 20;

    private PriceTiers() {
    }

    /** What is wrong with the list, named {@code prefix[i].field} by the position the client sent. */
    static List<FieldProblem> problems(String prefix, List<PriceTier> tiers) {
        List<FieldProblem> problems = new ArrayList<>();
        if (tiers.size() > MAX_TIERS) {
            problems.add(new FieldProblem(prefix, "too-many", "At most " + MAX_TIERS + " price tiers"));
        }
        List<Integer> complete = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            String at = prefix + "[" + i + "]";
            PriceTier tier = tiers.get(i);
            if (tier == null) {
                problems.add(new FieldProblem(at, "required", "A price tier is required"));
                continue;
            }
            if (tier.name() == null || tier.name().isBlank() || tier.name().length() > 60) {
                problems.add(new FieldProblem(at + ".name", "size", "A tier's name has 1 to 60 characters"));
            }
            if (tier.priceCents() < 0) {
                problems.add(new FieldProblem(at + ".priceCents", "range", "A price is not negative"));
            }
            if (tier.startsAt() == null) {
                problems.add(new FieldProblem(at + ".startsAt", "required", "A tier starts at a moment"));
            } else if (tier.endsAt() == null) {
                problems.add(new FieldProblem(at + ".endsAt", "required", "A tier ends at a moment"));
            } else if (!tier.endsAt().isAfter(tier.startsAt())) {
                problems.add(new FieldProblem(at + ".endsAt", "range", "A tier ends after it starts"));
            } else {
                complete.add(i);
            }
        }
        complete.sort(Comparator.comparing(i -> tiers.get(i).startsAt()));
        for (int k = 1; k < complete.size(); k++) {
            PriceTier before = tiers.get(complete.get(k - 1));
            PriceTier tier = tiers.get(complete.get(k));
            String at = prefix + "[" + complete.get(k) + "].startsAt";
            if (tier.startsAt().isBefore(before.endsAt())) {
                problems.add(new FieldProblem(at, "overlap",
                        "Overlaps the tier '" + before.name() + "', which ends at " + before.endsAt()));
            } else if (tier.startsAt().isAfter(before.endsAt())) {
                problems.add(new FieldProblem(at, "gap",
                        "Leaves a gap after the tier '" + before.name() + "', which ends at " + before.endsAt()));
            }
        }
        return List.copyOf(problems);
    }

    /** The tier in force at {@code at}, if any. */
    static Optional<PriceTier> at(List<PriceTier> tiers, Instant at) {
        return tiers.stream().filter(t -> t.holds(at)).findFirst();
    }

    /** The first tier that starts after {@code at}: what the price becomes next. */
    static Optional<PriceTier> next(List<PriceTier> tiers, Instant at) {
        return tiers.stream().filter(t -> t.startsAt().isAfter(at)).min(Comparator.comparing(PriceTier::startsAt));
    }
}
