package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.fields.FieldDefinition.FieldType;
import dev.paddock.events.fields.FieldDefinition.Visibility;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.identity.Accounts;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A published demo event of {@code organizer@paddock.dev}, like the Zürich Marathon: marathon, half, 10 km,
 * a team relay and a lottery night run, on the first Sunday at least four months ahead, registration open
 * from start-up, early-bird then regular prices, custom fields (club public; T-shirt, emergency contact and
 * consent private) and a promo code. Created once: a restart finds its slug and adds nothing.
 */
@Component("catalogDemoEvent")
@Order(3)
@ConditionalOnBooleanProperty("paddock.demo-data")
class DemoEvent implements ApplicationRunner {

    static final String SLUG = "zurich-marathon";
    private static final Logger log = LoggerFactory.getLogger(DemoEvent.class);
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private final EventSetup setup;
    private final EventStore events;
    private final Accounts accounts;
    private final Clock clock;

    DemoEvent(EventSetup setup, EventStore events, Accounts accounts, Clock clock) {
        this.setup = setup;
        this.events = events;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (events.slugTaken(SLUG)) {
            return;
        }
        accounts.findByEmail("organizer@paddock.dev").ifPresent(account -> create(new Organizer(account.id().value(), false)));
    }

    private void create(Organizer organizer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = LocalDate.ofInstant(now, ZURICH).plusMonths(4).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        StoredEvent event = setup.createEvent(organizer, SLUG, new EventDetails("Zürich Marathon (demo)",
                EventDetails.Sport.RUNNING, "Through the city and along the lake: marathon, half, 10 km, a four-leg team"
                + " relay and a night run by lottery.", "Zürich, Mythenquai", "ZH", "CH", ZURICH, day.minusDays(1), day,
                List.of(new RefundStep(60, 100), new RefundStep(14, 50)), day.minusDays(7).atStartOfDay(ZURICH).toInstant(),
                2000));
        Instant closes = day.minusDays(3).atStartOfDay(ZURICH).toInstant();
        List<PriceTier> prices = List.of(
                new PriceTier("Early bird", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), 9_500),
                new PriceTier("Regular", now.plus(Duration.ofDays(30)), closes, 12_000));
        race(organizer, event, "marathon", "Marathon", 42_195, day.atTime(8, 30), 5_000, RaceSettings.Mode.FIRST_COME, null,
                prices);
        race(organizer, event, "half", "Half marathon", 21_097, day.atTime(8, 45), 4_000, RaceSettings.Mode.FIRST_COME, null,
                scaled(prices, 0.7));
        race(organizer, event, "10k", "10 km", 10_000, day.atTime(11, 0), 2_000, RaceSettings.Mode.FIRST_COME, null,
                scaled(prices, 0.5));
        race(organizer, event, "relay", "Team relay", 42_195, day.atTime(8, 30), 800, RaceSettings.Mode.FIRST_COME,
                new Team(4, 4, 1, Team.GenderRule.ANY), scaled(prices, 0.4));
        race(organizer, event, "night-run", "Night run (lottery)", 8_000, day.minusDays(1).atTime(20, 0), 500,
                RaceSettings.Mode.LOTTERY, null, scaled(prices, 0.35));
        setup.addPromoCode(organizer, event.id(), new PromoCode("PADDOCK10", PromoCode.Kind.PERCENT, null, 10, null,
                closes, 500, false));
        setup.publish(organizer, event.id());
        log.info("Demo event /events/{} created for organizer@paddock.dev", SLUG);
    }

    private void race(Organizer organizer, StoredEvent event, String code, String name, int meters,
            java.time.LocalDateTime start, int capacity, RaceSettings.Mode mode, Team team, List<PriceTier> prices) {
        Instant startsAt = start.atZone(ZURICH).toInstant();
        Instant opens = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        Instant closes = mode == RaceSettings.Mode.LOTTERY ? opens.plus(Duration.ofDays(45))
                : start.toLocalDate().minusDays(3).atStartOfDay(ZURICH).toInstant();
        RaceSettings settings = new RaceSettings(code, name, meters, meters > 20_000 ? 120 : 40, startsAt, mode, opens,
                closes, team == null ? 16 : 18, null, team, team == null ? RaceSettings.BibMode.AT_PAYMENT
                : RaceSettings.BibMode.AFTER_CLOSE, 48, List.of(), AgeCategories.Basis.AGE_ON_RACE_DAY);
        setup.createRace(organizer, event.id(), settings, capacity, fields(), tiersUntil(prices, closes));
    }

    /** The tiers cut at the race's closing (a lottery race closes earlier than the others). */
    private static List<PriceTier> tiersUntil(List<PriceTier> prices, Instant closes) {
        return prices.stream().filter(p -> p.startsAt().isBefore(closes))
                .map(p -> new PriceTier(p.name(), p.startsAt(), p.endsAt().isAfter(closes) ? closes : p.endsAt(),
                        p.priceCents())).toList();
    }

    private static List<PriceTier> scaled(List<PriceTier> prices, double factor) {
        return prices.stream().map(p -> new PriceTier(p.name(), p.startsAt(), p.endsAt(),
                Math.round(p.priceCents() * factor / 100.0) * 100)).toList();
    }

    private static List<FieldDefinition> fields() {
        return List.of(
                new FieldDefinition("club", "Club", FieldType.TEXT, false, Visibility.PUBLIC, List.of(), null, null, 80),
                new FieldDefinition("tshirt", "T-shirt size", FieldType.CHOICE, true, Visibility.PRIVATE,
                        List.of("XS", "S", "M", "L", "XL"), null, null, null),
                new FieldDefinition("emergency_contact", "Emergency contact (name and phone)", FieldType.TEXT, true,
                        Visibility.PRIVATE, List.of(), null, null, 120),
                new FieldDefinition("consent", "I accept the race rules and the medical conditions", FieldType.CONSENT,
                        true, Visibility.PRIVATE, List.of(), null, null, null));
    }
}
