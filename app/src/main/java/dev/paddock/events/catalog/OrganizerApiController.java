package dev.paddock.events.catalog;

import dev.paddock.events.catalog.OrganizerRequests.TierBody;
import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.RegistrationWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizer API: events, races, custom fields, price tiers, capacity, registration, promo codes.
 * ORGANIZER on their own events, OPERATOR and ADMIN on every event. PATCH bodies carry the {@code version}
 * they were made from; a stale one is a 409 {@code conflict}.
 */
@RestController("catalogOrganizerApiController")
@Validated
@RequestMapping("/api/events/organizer")
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class OrganizerApiController {

    private final EventSetup setup;
    private final CatalogSettings settings;
    private final Clock clock;

    OrganizerApiController(EventSetup setup, CatalogSettings settings, Clock clock) {
        this.setup = setup;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizerViews.EventView createEvent(@Valid @RequestBody OrganizerRequests.NewEvent body, Authentication auth) {
        StoredEvent event = setup.createEvent(Organizer.of(auth), body.slug(), body.details(settings.defaultZone()));
        return OrganizerViews.EventView.of(event, List.of(), clock.instant());
    }

    @GetMapping("/events")
    List<OrganizerViews.EventView> events(Authentication auth) {
        return setup.eventsOf(Organizer.of(auth)).stream()
                .map(e -> OrganizerViews.EventView.of(e, null, clock.instant())).toList();
    }

    @GetMapping("/events/{eventId}")
    OrganizerViews.EventView event(@PathVariable UUID eventId, Authentication auth) {
        Organizer organizer = Organizer.of(auth);
        return OrganizerViews.EventView.of(setup.event(organizer, eventId), setup.races(organizer, eventId), clock.instant());
    }

    @PatchMapping("/events/{eventId}")
    OrganizerViews.EventView editEvent(@PathVariable UUID eventId, @Valid @RequestBody OrganizerRequests.EventEdit body,
            Authentication auth) {
        Organizer organizer = Organizer.of(auth);
        StoredEvent event = setup.event(organizer, eventId);
        setup.editEvent(organizer, eventId, body.version(), body.applyTo(event.details()));
        return event(eventId, auth);
    }

    @PostMapping("/events/{eventId}/publish")
    OrganizerViews.EventView publish(@PathVariable UUID eventId, Authentication auth) {
        setup.publish(Organizer.of(auth), eventId);
        return event(eventId, auth);
    }

    @PostMapping("/events/{eventId}/cancel")
    OrganizerViews.EventView cancel(@PathVariable UUID eventId, Authentication auth) {
        setup.cancel(Organizer.of(auth), eventId);
        return event(eventId, auth);
    }

    @PostMapping("/events/{eventId}/races")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizerViews.RaceView createRace(@PathVariable UUID eventId, @Valid @RequestBody OrganizerRequests.NewRace body,
            Authentication auth) {
        StoredRace race = setup.createRace(Organizer.of(auth), eventId, body.settings(), body.capacity(),
                body.fields() == null ? List.of() : body.fields(), body.tiers());
        return OrganizerViews.RaceView.of(race, clock.instant());
    }

    @GetMapping("/races/{raceId}")
    OrganizerViews.RaceView race(@PathVariable UUID raceId, Authentication auth) {
        return OrganizerViews.RaceView.of(setup.race(Organizer.of(auth), raceId), clock.instant());
    }

    @PatchMapping("/races/{raceId}")
    OrganizerViews.RaceView editRace(@PathVariable UUID raceId, @Valid @RequestBody OrganizerRequests.RaceEdit body,
            Authentication auth) {
        Organizer organizer = Organizer.of(auth);
        StoredRace race = setup.race(organizer, raceId);
        return view(setup.editRace(organizer, raceId, body.version(), body.applyTo(race.settings())));
    }

    @PutMapping("/races/{raceId}/fields")
    OrganizerViews.RaceView setFields(@PathVariable UUID raceId, @RequestBody @NotNull List<FieldDefinition> body,
            Authentication auth) {
        return view(setup.setFields(Organizer.of(auth), raceId, body));
    }

    @PutMapping("/races/{raceId}/price-tiers")
    OrganizerViews.RaceView setPriceTiers(@PathVariable UUID raceId,
            @RequestBody @NotNull List<@Valid @NotNull TierBody> body, Authentication auth) {
        return view(setup.setPriceTiers(Organizer.of(auth), raceId,
                body.stream().map(TierBody::tier).toList()));
    }

    @PutMapping("/races/{raceId}/capacity")
    OrganizerViews.RaceView setCapacity(@PathVariable UUID raceId, @Valid @RequestBody OrganizerRequests.CapacityBody body,
            Authentication auth) {
        return view(setup.setCapacity(Organizer.of(auth), raceId, body.capacity()));
    }

    @PostMapping("/races/{raceId}/registration/open")
    OrganizerViews.RaceView open(@PathVariable UUID raceId, Authentication auth) {
        return view(setup.setRegistration(Organizer.of(auth), raceId, RegistrationWindow.Stored.OPEN));
    }

    @PostMapping("/races/{raceId}/registration/close")
    OrganizerViews.RaceView close(@PathVariable UUID raceId, Authentication auth) {
        return view(setup.setRegistration(Organizer.of(auth), raceId, RegistrationWindow.Stored.CLOSED));
    }

    @PostMapping("/events/{eventId}/promo-codes")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizerViews.PromoCodeView addPromoCode(@PathVariable UUID eventId,
            @Valid @RequestBody OrganizerRequests.NewPromoCode body, Authentication auth) {
        return OrganizerViews.PromoCodeView.of(setup.addPromoCode(Organizer.of(auth), eventId, body.promo()));
    }

    @GetMapping("/events/{eventId}/promo-codes")
    List<OrganizerViews.PromoCodeView> promoCodes(@PathVariable UUID eventId, Authentication auth) {
        return setup.promoCodes(Organizer.of(auth), eventId).stream().map(OrganizerViews.PromoCodeView::of).toList();
    }

    private OrganizerViews.RaceView view(StoredRace race) {
        return OrganizerViews.RaceView.of(race, clock.instant());
    }
}
