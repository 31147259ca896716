package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Turns the organizer pages' forms into the API's request bodies, so pages and API share every check.
 * Rows of a list are renumbered when blank or removed rows are left out; {@link #renumbered} names a
 * problem of the compacted list after the row the organizer sees.
 */
final class OrganizerForms {

    private OrganizerForms() {
    }

    static OrganizerRequests.NewEvent newEvent(PostedForm f) {
        return new OrganizerRequests.NewEvent(f.text("slug"), f.text("name"), f.choice("sport", EventDetails.Sport.class),
                f.text("description"), f.text("venue"), f.text("region"), upper(f.text("country")), zone(f),
                f.date("startsOn"), f.date("endsOn"), refunds(f), f.instant("transferDeadline"), f.cents("transferFee"));
    }

    static OrganizerRequests.EventEdit eventEdit(PostedForm f) {
        Integer version = f.integer("version");
        return new OrganizerRequests.EventEdit(version == null ? null : version.longValue(), f.text("name"),
                f.choice("sport", EventDetails.Sport.class), f.text("description") == null ? "" : f.text("description"),
                f.text("venue"), f.text("region") == null ? "" : f.text("region"), upper(f.text("country")), zone(f),
                f.date("startsOn"), f.date("endsOn"), refunds(f), f.instant("transferDeadline"),
                f.cents("transferFee") == null ? 0L : f.cents("transferFee"));
    }

    static OrganizerRequests.NewRace newRace(PostedForm f) {
        return new OrganizerRequests.NewRace(f.text("code"), f.text("name"), f.integer("distanceM"),
                f.integer("elevationGainM"), f.instant("startsAt"), f.integer("capacity"),
                f.choice("mode", RaceSettings.Mode.class), f.instant("registrationOpensAt"),
                f.instant("registrationClosesAt"), f.integer("minAge"), f.integer("maxAge"), List.of(), List.of(),
                team(f), f.choice("bibMode", RaceSettings.BibMode.class), f.integer("waitlistOfferHours"), categories(f),
                f.choice("ageBasis", AgeCategories.Basis.class));
    }

    /** A full edit: every input of the race form is sent, so a blank age limit removes it. */
    static RaceSettings raceSettings(PostedForm f, RaceSettings stored) {
        Integer distance = f.integer("distanceM");
        Integer elevation = f.integer("elevationGainM");
        Integer offerHours = f.integer("waitlistOfferHours");
        OrganizerRequests.TeamBody team = team(f);
        return new RaceSettings(stored.code(), OrganizerRequests.or(f.text("name"), stored.name()),
                OrganizerRequests.or(distance, stored.distanceM()), elevation == null ? 0 : elevation,
                OrganizerRequests.or(f.instant("startsAt"), stored.startsAt()),
                OrganizerRequests.or(f.choice("mode", RaceSettings.Mode.class), stored.mode()),
                OrganizerRequests.or(f.instant("registrationOpensAt"), stored.registrationOpensAt()),
                OrganizerRequests.or(f.instant("registrationClosesAt"), stored.registrationClosesAt()),
                f.integer("minAge"), f.integer("maxAge"),
                team == null || team.minSize() == null || team.maxSize() == null ? null : team.team(),
                OrganizerRequests.or(f.choice("bibMode", RaceSettings.BibMode.class), stored.bibMode()),
                OrganizerRequests.or(offerHours, stored.waitlistOfferHours()), categories(f),
                OrganizerRequests.or(f.choice("ageBasis", AgeCategories.Basis.class), stored.ageBasis()));
    }

    static OrganizerRequests.TeamBody team(PostedForm f) {
        if (!f.checked("teamRace")) {
            return null;
        }
        return new OrganizerRequests.TeamBody(f.integer("team.minSize"), f.integer("team.maxSize"),
                f.integer("team.substitutes"), f.choice("team.genderRule", Team.GenderRule.class));
    }

    static List<AgeCategory> categories(PostedForm f) {
        List<AgeCategory> categories = new ArrayList<>();
        for (int i : f.rows("categories", "code")) {
            String at = "categories[" + i + "]";
            Integer from = f.integer(at + ".fromAge");
            try {
                categories.add(new AgeCategory(f.text(at + ".code"), f.text(at + ".gender"), from == null ? 0 : from,
                        f.integer(at + ".toAge")));
            } catch (IllegalArgumentException e) {
                f.problems().add(new FieldProblem(at + ".code", "invalid", e.getMessage()));
            }
        }
        return categories;
    }

    static List<FieldDefinition> fields(PostedForm f, List<Integer> rows) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (int i : rows) {
            String at = "fields[" + i + "]";
            String options = f.text(at + ".options");
            fields.add(new FieldDefinition(f.text(at + ".key"), f.text(at + ".label"),
                    f.choice(at + ".type", FieldDefinition.FieldType.class), f.checked(at + ".required"),
                    f.choice(at + ".visibility", FieldDefinition.Visibility.class),
                    options == null ? List.of() : Arrays.stream(options.split(",")).map(String::strip)
                            .filter(o -> !o.isEmpty()).toList(),
                    null, null, null));
        }
        return fields;
    }

    static List<PriceTier> tiers(PostedForm f, List<Integer> rows) {
        List<PriceTier> tiers = new ArrayList<>();
        for (int i : rows) {
            String at = "priceTiers[" + i + "]";
            Long cents = f.cents(at + ".price");
            if (cents == null) {
                f.problems().add(new FieldProblem(at + ".price", "required", "A price is required"));
            }
            tiers.add(new PriceTier(f.text(at + ".name"), f.instant(at + ".startsAt"), f.instant(at + ".endsAt"),
                    cents == null ? 0 : cents));
        }
        return tiers;
    }

    static OrganizerRequests.NewPromoCode promoCode(PostedForm f, List<UUID> raceIds) {
        return new OrganizerRequests.NewPromoCode(f.text("code") == null ? "" : f.text("code"),
                f.choice("kind", PromoCode.Kind.class), f.cents("value"), f.integer("percent"),
                raceIds.isEmpty() ? null : raceIds, f.instant("validUntil"), f.integer("maxUses"), f.checked("firstTimeOnly"));
    }

    /** {@code fields[1].key} of the compacted list is {@code fields[rows[1]].key} on the page. */
    static List<FieldProblem> renumbered(List<FieldProblem> problems, String prefix, List<Integer> rows) {
        return problems.stream().map(p -> {
            String name = p.field();
            String compact = name.startsWith("[") ? prefix + name : name;
            if (compact.startsWith(prefix + "[")) {
                int close = compact.indexOf(']');
                int k = Integer.parseInt(compact.substring(prefix.length() + 1, close));
                if (k < rows.size()) {
                    compact = prefix + "[" + rows.get(k) + compact.substring(close);
                }
            }
            return new FieldProblem(compact, p.code(), p.message());
        }).toList();
    }

    private static List<OrganizerRequests.RefundStepBody> refunds(PostedForm f) {
        return f.rows("refundPolicy", "daysBefore").stream().map(i -> new OrganizerRequests.RefundStepBody(
                f.integer("refundPolicy[" + i + "].daysBefore"), f.integer("refundPolicy[" + i + "].percent"))).toList();
    }

    private static ZoneId zone(PostedForm f) {
        String zone = f.text("zone");
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            f.problems().add(new FieldProblem("zone", "type", "Not a time zone such as Europe/Zurich"));
            return null;
        }
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(java.util.Locale.ROOT);
    }
}
