package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import dev.paddock.shared.StrictCents;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The organizer API's request bodies. */
final class OrganizerRequests {

    private OrganizerRequests() {
    }

    record RefundStepBody(@NotNull @Min(0) @Max(3650) Integer daysBefore, @NotNull @Min(0) @Max(100) Integer percent) {
        RefundStep step() {
            return new RefundStep(daysBefore, percent);
        }
    }

    record NewEvent(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,80}") String slug,
            @NotBlank @Size(max = 120) String name, @NotNull EventDetails.Sport sport,
            @Size(max = 10_000) String description, @NotBlank @Size(max = 120) String venue, @Size(max = 80) String region,
            @NotNull @Pattern(regexp = "[A-Z]{2}") String country, ZoneId zone, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn, @Size(max = 10) List<@Valid @NotNull RefundStepBody> refundPolicy,
            Instant transferDeadline, @Min(0) @JsonDeserialize(using = StrictCents.class) Long transferFeeCents) {

        EventDetails details(ZoneId defaultZone) {
            return new EventDetails(name, sport, description, venue, region, country, zone == null ? defaultZone : zone,
                    startsOn, endsOn, refundPolicy == null ? List.of() : refundPolicy.stream().map(RefundStepBody::step).toList(),
                    transferDeadline, transferFeeCents == null ? 0 : transferFeeCents);
        }
    }

    /** Every field but {@code version} is optional: what is absent stays as it is. */
    record EventEdit(@NotNull Long version, @Size(min = 1, max = 120) String name, EventDetails.Sport sport,
            @Size(max = 10_000) String description, @Size(min = 1, max = 120) String venue, @Size(max = 80) String region,
            @Pattern(regexp = "[A-Z]{2}") String country, ZoneId zone, LocalDate startsOn, LocalDate endsOn,
            @Size(max = 10) List<@Valid @NotNull RefundStepBody> refundPolicy, Instant transferDeadline,
            @Min(0) @JsonDeserialize(using = StrictCents.class) Long transferFeeCents) {

        EventDetails applyTo(EventDetails d) {
            return new EventDetails(or(name, d.name()), or(sport, d.sport()), or(description, d.description()),
                    or(venue, d.venue()), or(region, d.region()), or(country, d.country()), or(zone, d.zone()),
                    or(startsOn, d.startsOn()), or(endsOn, d.endsOn()),
                    refundPolicy == null ? d.refundPolicy() : refundPolicy.stream().map(RefundStepBody::step).toList(),
                    or(transferDeadline, d.transferDeadline()), or(transferFeeCents, d.transferFeeCents()));
        }
    }

    record TeamBody(@NotNull @Min(1) @Max(50) Integer minSize, @NotNull @Min(1) @Max(50) Integer maxSize,
            @Min(0) @Max(10) Integer substitutes, Team.GenderRule genderRule) {
        Team team() {
            return new Team(minSize, maxSize, substitutes == null ? 0 : substitutes,
                    genderRule == null ? Team.GenderRule.ANY : genderRule);
        }
    }

    record TierBody(String name, Instant startsAt, Instant endsAt,
            @NotNull @Min(0) @JsonDeserialize(using = StrictCents.class) Long priceCents) {
        PriceTier tier() {
            return new PriceTier(name, startsAt, endsAt, priceCents);
        }
    }

    record NewRace(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}") String code,
            @NotBlank @Size(max = 120) String name, @NotNull @Min(1) @Max(1_000_000) Integer distanceM,
            @Min(0) @Max(20_000) Integer elevationGainM, @NotNull Instant startsAt,
            @NotNull @Min(0) @Max(1_000_000) Integer capacity, RaceSettings.Mode mode,
            @NotNull Instant registrationOpensAt, @NotNull Instant registrationClosesAt, @Min(0) @Max(120) Integer minAge,
            @Min(0) @Max(120) Integer maxAge, List<FieldDefinition> fields,
            @Size(max = PriceTiers.MAX_TIERS) List<@Valid @NotNull TierBody> priceTiers, @Valid TeamBody team,
            RaceSettings.BibMode bibMode, @Min(1) @Max(720) Integer waitlistOfferHours,
            @Size(max = 100) List<@NotNull AgeCategory> categories, AgeCategories.Basis ageBasis) {

        RaceSettings settings() {
            return new RaceSettings(code, name, distanceM, elevationGainM == null ? 0 : elevationGainM, startsAt,
                    or(mode, RaceSettings.Mode.FIRST_COME), registrationOpensAt, registrationClosesAt, minAge, maxAge,
                    team == null ? null : team.team(), or(bibMode, RaceSettings.BibMode.AT_PAYMENT),
                    or(waitlistOfferHours, 48), categories, or(ageBasis, AgeCategories.Basis.AGE_ON_RACE_DAY));
        }

        List<PriceTier> tiers() {
            return priceTiers == null ? List.of() : priceTiers.stream().map(TierBody::tier).toList();
        }
    }

    /**
     * A race's settings to change; absent fields stay. {@code team} replaces the team rules;
     * {@code individual: true} makes it an individual race again.
     */
    record RaceEdit(@NotNull Long version, @Size(min = 1, max = 120) String name, @Min(1) @Max(1_000_000) Integer distanceM,
            @Min(0) @Max(20_000) Integer elevationGainM, Instant startsAt, RaceSettings.Mode mode,
            Instant registrationOpensAt, Instant registrationClosesAt, @Min(0) @Max(120) Integer minAge,
            @Min(0) @Max(120) Integer maxAge, @Valid TeamBody team, Boolean individual, RaceSettings.BibMode bibMode,
            @Min(1) @Max(720) Integer waitlistOfferHours, @Size(max = 100) List<@NotNull AgeCategory> categories,
            AgeCategories.Basis ageBasis) {

        RaceSettings applyTo(RaceSettings s) {
            Team newTeam = Boolean.TRUE.equals(individual) ? null : team != null ? team.team() : s.team();
            return new RaceSettings(s.code(), or(name, s.name()), or(distanceM, s.distanceM()),
                    or(elevationGainM, s.elevationGainM()), or(startsAt, s.startsAt()), or(mode, s.mode()),
                    or(registrationOpensAt, s.registrationOpensAt()), or(registrationClosesAt, s.registrationClosesAt()),
                    minAge != null ? minAge : s.minAge(), maxAge != null ? maxAge : s.maxAge(), newTeam,
                    or(bibMode, s.bibMode()), or(waitlistOfferHours, s.waitlistOfferHours()),
                    or(categories, s.categories()), or(ageBasis, s.ageBasis()));
        }
    }

    record CapacityBody(@NotNull @Min(0) @Max(1_000_000) Integer capacity) {
    }

    record NewPromoCode(@NotNull String code, @NotNull PromoCode.Kind kind,
            @JsonDeserialize(using = StrictCents.class) Long valueCents, Integer percent, List<UUID> raceIds,
            Instant validUntil, Integer maxUses, Boolean firstTimeOnly) {
        PromoCode promo() {
            return new PromoCode(code.strip().toUpperCase(java.util.Locale.ROOT), kind, valueCents, percent, raceIds,
                    validUntil, maxUses, Boolean.TRUE.equals(firstTimeOnly));
        }
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
