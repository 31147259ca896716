package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.PlayerProfile;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.Combinations;
import dev.paddock.parimutuel.Field;
import dev.paddock.parimutuel.Formulation;
import dev.paddock.parimutuel.InvalidSelection;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.TimeOrderedIds;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.RunnerCard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Everything about a bet that can be checked without the database, against cached race cards and player
 * profiles: the ticket is well formed (bet type, formulation, runners that exist and start, stake a
 * multiple of the unit and within the pool's bounds), its races are open, the channel sells its pool, the
 * player is an adult, not self-excluded and connects from an allowed country. The weekly stake limit and the
 * final word on the race being open are the batch's (they need the database, in order).
 */
@Component
class ChannelControl {

    /** Ages are counted on the French calendar day, as the regulator does. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RaceCards races;
    private final PlayerProfiles profiles;
    private final Clock clock;
    private final Set<String> allowedCountries;

    ChannelControl(RaceCards races, PlayerProfiles profiles, Clock clock, BettingProperties properties) {
        this.races = races;
        this.profiles = profiles;
        this.clock = clock;
        this.allowedCountries = properties.allowedCountries().stream().map(c -> c.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /**
     * @param connectionCountry the country of the connection from a trusted header, or null to use the
     *                          account's country of residence
     */
    Ticket check(AccountId account, PlaceBetRequest request, String connectionCountry) {
        String requestId = request.requestId();
        if (requestId == null || requestId.isBlank()) {
            throw ProblemException.field("requestId", "required", "requestId is required: a unique id per intended bet.");
        }
        if (requestId.length() > 100) {
            throw ProblemException.field("requestId", "size", "requestId has at most 100 characters.");
        }
        if (request.poolId() == null) {
            throw ProblemException.field("poolId", "required", "poolId is required.");
        }
        if (request.formulation() == null) {
            throw ProblemException.field("formulation", "required", "formulation is required.");
        }
        if (request.stake() == null) {
            throw ProblemException.field("stake", "required", "stake is required, in cents per unit combination.");
        }
        Channel channel = channel(request.channel());

        Instant now = clock.instant();
        PlayerProfile profile = profiles.of(account);
        if (!profile.isAdultOn(LocalDate.ofInstant(now, PARIS))) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "underage", "Betting is for adults only.");
        }
        if (profile.isSelfExcludedAt(now)) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "self-excluded",
                    "You have excluded yourself from betting until " + profile.selfExcludedUntil() + ".");
        }
        String country = connectionCountry != null && !connectionCountry.isBlank()
                ? connectionCountry.trim().toUpperCase(Locale.ROOT) : profile.countryOfResidence();
        if (!allowedCountries.contains(country)) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "country-not-allowed",
                    "Bets are not taken from " + country + ".");
        }

        PoolCard pool = races.pool(request.poolId()).orElseThrow(() ->
                ProblemException.of(HttpStatus.NOT_FOUND, "pool-not-found", "No pool " + request.poolId() + "."));
        List<RaceCard> legs = new ArrayList<>();
        for (UUID raceId : pool.raceIds()) {
            RaceCard leg = races.race(raceId).orElseThrow(() ->
                    ProblemException.of(HttpStatus.NOT_FOUND, "pool-not-found", "No race " + raceId + "."));
            if (leg.status() != RaceStatus.OPEN || !now.isBefore(leg.startsAt())) {
                throw ProblemException.of(HttpStatus.CONFLICT, "race-closed",
                        "Race " + leg.code() + " does not take bets now.");
            }
            legs.add(leg);
        }
        if (pool.family() != channel.family()) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "channel-not-allowed",
                    "The " + channel + " channel does not sell the " + pool.family() + " pools.");
        }

        BetType type = pool.betType();
        Quote quote = price(pool, legs, request.formulation(), request.stake());
        Formulation formulation = quote.formulation();
        long combinations = quote.combinations();
        long stake = quote.unitStake().cents();
        Money total = quote.total();
        long[] keys = new long[Math.toIntExact(combinations)];
        int[] next = {0};
        Combinations.forEach(type, formulation, quote.fields(), key -> keys[next[0]++] = key);
        String stored = Selections.write(formulation);
        String fingerprint = pool.id() + "|" + Selections.write(formulation(request.formulation(), type)) + "|"
                + stake + "|" + channel;
        return new Ticket(TimeOrderedIds.next(), account, requestId, fingerprint, pool.id(), pool.raceIds(),
                legs.getFirst().code(), legs.getFirst().name(), type,
                stored, combinations, Money.ofCents(stake), total, channel, country, keys,
                profile.weeklyStakeLimit());
    }

    /**
     * What a selection would cost, by the very checks {@link #check} makes on it (formulation, runners,
     * combinations, stake), without the player's or the race's state: the bet page shows it before the
     * player confirms, and the confirmation goes through {@link #check} again.
     */
    Quote quote(UUID poolId, PlaceBetRequest.FormulationInput input, Long stake) {
        PoolCard pool = races.pool(poolId).orElseThrow(() ->
                ProblemException.of(HttpStatus.NOT_FOUND, "pool-not-found", "No pool " + poolId + "."));
        List<RaceCard> legs = pool.raceIds().stream().map(raceId -> races.race(raceId).orElseThrow(() ->
                ProblemException.of(HttpStatus.NOT_FOUND, "pool-not-found", "No race " + raceId + "."))).toList();
        if (input == null) {
            throw ProblemException.field("formulation", "required", "formulation is required.");
        }
        if (stake == null) {
            throw ProblemException.field("stake", "required", "stake is required, in cents per unit combination.");
        }
        return price(pool, legs, input, stake);
    }

    /**
     * A priced selection.
     *
     * @param formulation as stored: a champ total has its partners expanded
     * @param unitStake   the stake per combination
     */
    record Quote(Formulation formulation, List<Field> fields, long combinations, Money unitStake,
            Money total) {
    }

    private static Quote price(PoolCard pool, List<RaceCard> legs, PlaceBetRequest.FormulationInput input, long stake) {
        BetType type = pool.betType();
        Formulation formulation = formulation(input, type);
        checkRunners(formulation, legs);
        List<Field> fields = legs.stream().map(leg -> new Field(leg.starters().stream()
                .mapToInt(RunnerCard::number).toArray())).toList();
        long combinations;
        try {
            combinations = Combinations.count(type, formulation, fields);
        } catch (InvalidSelection invalid) {
            throw ProblemException.field("formulation." + invalid.field(), "invalid", invalid.getMessage());
        }
        if (formulation instanceof Formulation.Champ champ && champ.total()) {
            List<Integer> partners = fields.getFirst().starters().length == 0 ? List.of()
                    : IntStream.of(fields.getFirst().starters()).boxed().filter(r -> !champ.bases().contains(r)).toList();
            formulation = new Formulation.Champ(champ.bases(), partners);
        }
        if (stake <= 0 || stake % pool.unitStake().cents() != 0) {
            throw ProblemException.field("stake", "multiple",
                    "The stake per combination is a multiple of " + pool.unitStake() + ".");
        }
        Money total = Money.ofCents(Math.multiplyExact(stake, combinations));
        if (total.compareTo(pool.minStake()) < 0) {
            throw ProblemException.field("stake", "min", "This ticket costs " + total + "; the minimum is "
                    + pool.minStake() + ".");
        }
        if (total.compareTo(pool.maxStake()) > 0) {
            throw ProblemException.field("stake", "max", "This ticket costs " + total + "; the maximum is "
                    + pool.maxStake() + ".");
        }
        return new Quote(formulation, fields, combinations, Money.ofCents(stake), total);
    }

    private static Channel channel(String channel) {
        if (channel == null) {
            return Channel.WEB;
        }
        try {
            return Channel.valueOf(channel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.field("channel", "invalid", "channel is WEB, MOBILE or RETAIL.");
        }
    }

    static Formulation formulation(PlaceBetRequest.FormulationInput input, BetType type) {
        String kind = input.type() == null ? (type == BetType.BIG5 ? "LEGS" : "UNIT")
                : input.type().toUpperCase(Locale.ROOT);
        try {
            return switch (kind) {
                case "UNIT" -> new Formulation.Unit(input.runners());
                case "COMBINED" -> new Formulation.Combined(input.runners());
                case "CHAMP" -> new Formulation.Champ(input.bases(),
                        input.partners() == null ? List.of() : input.partners());
                case "LEGS" -> new Formulation.Legs(input.legs());
                default -> throw ProblemException.field("formulation.type", "invalid",
                        "formulation.type is UNIT, COMBINED, CHAMP or LEGS.");
            };
        } catch (InvalidSelection invalid) {
            throw ProblemException.field("formulation." + invalid.field(), "required", invalid.getMessage());
        }
    }

    /** Every runner named must be on the card of its race and not declared a non-runner. */
    private static void checkRunners(Formulation formulation, List<RaceCard> legs) {
        switch (formulation) {
            case Formulation.Unit unit -> checkRunners(unit.runners(), legs.getFirst(), "formulation.runners");
            case Formulation.Combined combined -> checkRunners(combined.runners(), legs.getFirst(), "formulation.runners");
            case Formulation.Champ champ -> {
                checkRunners(champ.bases(), legs.getFirst(), "formulation.bases");
                checkRunners(champ.partners(), legs.getFirst(), "formulation.partners");
            }
            case Formulation.Legs picks -> {
                for (int i = 0; i < picks.legs().size() && i < legs.size(); i++) {
                    checkRunners(picks.legs().get(i), legs.get(i), "formulation.legs[" + i + "]");
                }
            }
        }
    }

    private static void checkRunners(List<Integer> runners, RaceCard race, String field) {
        for (int number : runners) {
            RunnerCard runner = race.runner(number).orElseThrow(() -> ProblemException.field(field, "unknown-runner",
                    "Race " + race.code() + " has no runner " + number + "."));
            if (runner.nonRunner()) {
                throw ProblemException.field(field, "non-runner",
                        "Runner " + number + " of race " + race.code() + " is a non-runner.");
            }
        }
    }
}
