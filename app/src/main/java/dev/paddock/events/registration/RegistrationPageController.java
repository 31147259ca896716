package dev.paddock.events.registration;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Accounts;
import dev.paddock.identity.PlayerProfile;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The registration form of a race (session login): the athlete's fields, prefilled with the signed-in
 * account's data, and the race's custom fields; sent through {@link RegistrationDesk}, the API's own path.
 * Also the confirmation page of an order and the page accepting an offered place.
 */
@Controller
class RegistrationPageController {

    private final RaceTermsCache races;
    private final RegistrationDesk desk;
    private final OfferAcceptance offers;
    private final Orders orders;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    RegistrationPageController(RaceTermsCache races, RegistrationDesk desk, OfferAcceptance offers, Orders orders,
            Accounts accounts, MessageSource messages, Clock clock) {
        this.races = races;
        this.desk = desk;
        this.offers = offers;
        this.orders = orders;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/events/{slug}/{raceCode}/register")
    String form(AccountId account, @PathVariable String slug, @PathVariable String raceCode, Model model) {
        RaceTerms race = race(slug, raceCode);
        if (race.team() != null) {
            return "redirect:/events/" + slug + "/" + raceCode + "/team";
        }
        return page(race, new FormInput(prefill(account, "athlete")), Map.of(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/events/{slug}/{raceCode}/register")
    String register(AccountId account, @PathVariable String slug, @PathVariable String raceCode,
            @RequestParam MultiValueMap<String, String> params, Locale locale, Model model) {
        RaceTerms race = race(slug, raceCode);
        FormInput form = FormInput.of(params);
        RegistrationRequests.Individual request = new RegistrationRequests.Individual(form.get("requestId"),
                form.athlete("athlete"), form.answers("answers", race.answers().fields()), form.get("predictedTime"),
                form.get("promoCode"), form.get("payment"), "true".equals(form.get("waitlist")));
        try {
            return done(desk.register(account, race.raceId(), request), race, model);
        } catch (ProblemException problem) {
            return page(race, form, FormInput.errors(problem, messages, locale), form.get("requestId"), model);
        }
    }

    /** Where a purchase ends: the order page, or what happened when nothing was bought (waitlist, lottery). */
    static String done(RegistrationAnswer answer, RaceTerms race, Model model) {
        if (answer.orderId() != null) {
            return "redirect:/events/orders/" + answer.orderId();
        }
        model.addAttribute("race", race);
        model.addAttribute("answer", answer);
        return "events/registration/registered";
    }

    @GetMapping("/events/orders/{orderId}")
    String order(AccountId account, @PathVariable UUID orderId, Authentication authentication, Model model) {
        try {
            model.addAttribute("order", orders.visible(orderId, account,
                    RegistrationApiController.operator(authentication)));
        } catch (ProblemException notVisible) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "events/registration/order";
    }

    @GetMapping("/events/registrations/{registrationId}/accept")
    String offer(AccountId account, @PathVariable UUID registrationId, Model model) {
        return offerPage(account, registrationId, Map.of(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/events/registrations/{registrationId}/accept")
    String accept(AccountId account, @PathVariable UUID registrationId, @RequestParam String requestId,
            @RequestParam(required = false) String payment, @RequestParam(required = false) String promoCode,
            Locale locale, Model model) {
        try {
            RegistrationAnswer answer = offers.accept(account, registrationId, new RegistrationRequests.Accept(requestId,
                    payment, promoCode == null || promoCode.isBlank() ? null : promoCode));
            return "redirect:/events/orders/" + answer.orderId();
        } catch (ProblemException problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return offerPage(account, registrationId, FormInput.errors(problem, messages, locale), requestId, model);
        }
    }

    private String offerPage(AccountId account, UUID registrationId, Map<String, String> errors, String requestId,
            Model model) {
        OfferAcceptance.Offer offer;
        try {
            offer = offers.visibleOffer(account, registrationId);
        } catch (ProblemException notVisible) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RaceTerms race = races.race(offer.raceId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("offer", offer);
        model.addAttribute("race", race);
        model.addAttribute("priceCents", race.priceAt(clock.instant()));
        model.addAttribute("errors", errors);
        model.addAttribute("values", Map.of());
        model.addAttribute("requestId", requestId);
        return "events/registration/accept";
    }

    private String page(RaceTerms race, FormInput form, Map<String, String> errors, String requestId, Model model) {
        model.addAttribute("race", race);
        model.addAttribute("fields", race.answers().fields());
        model.addAttribute("values", form.values());
        model.addAttribute("errors", errors);
        model.addAttribute("requestId", requestId);
        model.addAttribute("priceCents", race.priceAt(clock.instant()));
        model.addAttribute("window", race.window(clock.instant()).name());
        return "events/registration/register";
    }

    RaceTerms race(String slug, String raceCode) {
        return races.race(slug, raceCode).filter(RaceTerms::published)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The signed-in account's own data, for registering oneself: name, e-mail, birth date, country. */
    Map<String, String> prefill(AccountId account, String prefix) {
        Map<String, String> values = new HashMap<>();
        Optional<AccountSummary> summary = accounts.find(account);
        summary.ifPresent(a -> {
            values.put(prefix + ".email", a.email());
            String name = a.displayName() == null ? "" : a.displayName().trim();
            int space = name.lastIndexOf(' ');
            values.put(prefix + ".firstName", space > 0 ? name.substring(0, space) : name);
            values.put(prefix + ".lastName", space > 0 ? name.substring(space + 1) : "");
            PlayerProfile profile = accounts.playerProfile(account);
            if (profile.dateOfBirth() != null) {
                values.put(prefix + ".birthDate", profile.dateOfBirth().toString());
            }
            if (profile.countryOfResidence() != null) {
                values.put(prefix + ".nationality", profile.countryOfResidence());
            }
        });
        return values;
    }
}
