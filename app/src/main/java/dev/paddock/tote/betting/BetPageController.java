package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.wallet.Wallets;
import jakarta.servlet.http.HttpServletRequest;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The bet page (session login): choose one of the race's online pools and a formulation, tick the runners,
 * see the price as the server computes it ({@link ChannelControl#quote}, on every change with htmx), and
 * confirm through {@link Betting}, the API's own pipeline. A Big 5 is bet from its pool's page, one runner
 * group per leg.
 */
@Controller
class BetPageController {

    private final RaceCards races;
    private final ChannelControl control;
    private final Betting betting;
    private final Wallets wallets;
    private final MessageSource messages;

    BetPageController(RaceCards races, ChannelControl control, Betting betting, Wallets wallets,
            MessageSource messages) {
        this.races = races;
        this.control = control;
        this.betting = betting;
        this.wallets = wallets;
        this.messages = messages;
    }

    /** The race's bet page, on the pool chosen ({@code pool}) or its first online pool. */
    @GetMapping("/tote/races/{raceId}/bet")
    String race(@PathVariable UUID raceId, @RequestParam(required = false) UUID pool,
            @RequestParam(required = false) String formulation, Locale locale, Model model) {
        RaceCard race = card(raceId);
        List<PoolCard> pools = onlinePools(race);
        PoolCard chosen = pools.stream().filter(p -> p.id().equals(pool)).findFirst()
                .orElseGet(() -> pools.stream().findFirst().orElseThrow(BetPageController::notFound));
        return page(race, chosen, fresh(chosen, formulation, locale), locale, model);
    }

    /** A pool's bet page; for a Big 5, reached from the race page of any of its legs. */
    @GetMapping("/tote/pools/{poolId}/bet")
    String pool(@PathVariable UUID poolId, @RequestParam(required = false) UUID race, Locale locale, Model model) {
        PoolCard pool = pool(poolId);
        return page(context(pool, race), pool, fresh(pool, null, locale), locale, model);
    }

    /** The live summary: combinations and cost, or the problem next to its field (out of band). */
    @PostMapping("/tote/pools/{poolId}/bet/summary")
    String summary(@PathVariable UUID poolId, @RequestParam MultiValueMap<String, String> params, Locale locale,
            Model model) {
        PoolCard pool = pool(poolId);
        BetForm form = BetForm.read(pool.betType(), params);
        model.addAttribute("pool", pool);
        model.addAttribute("form", form);
        model.addAttribute("fmt", new Euros(locale));
        model.addAttribute("slots", slots(pool, form));
        try {
            model.addAttribute("quote", control.quote(poolId, form.input(), form.stakeCents()));
            model.addAttribute("errors", Map.of());
        } catch (ProblemException problem) {
            model.addAttribute("errors", errors(problem, pool, locale));
        }
        return "tote/betting/bet :: betPriceResponse";
    }

    @PostMapping("/tote/pools/{poolId}/bet")
    String place(AccountId account, @PathVariable UUID poolId, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, Locale locale, Model model) {
        PoolCard pool = pool(poolId);
        RaceCard race = context(pool, parse(params.getFirst("race")));
        BetForm form = BetForm.read(pool.betType(), params);
        try {
            Betting.Placed placed = betting.placed(account, form.request(poolId), betting.connectionCountry(request));
            model.addAttribute("placed", placed.view());
            model.addAttribute("replayed", placed.outcome().replayed());
            model.addAttribute("balance", wallets.wallet(account).balance());
            return page(race, pool, fresh(pool, form.formulation(), locale), locale, model);
        } catch (ProblemException problem) {
            model.addAttribute("errors", errors(problem, pool, locale));
            // a refusal may be recorded under this requestId and would be replayed: the next try is a new bet
            return page(race, pool, "validation".equals(problem.slug()) ? form : form.renewed(), locale, model);
        } catch (Betting.Busy busy) {
            // the bet may still be stored: the same requestId learns its outcome on the next submit
            model.addAttribute("errors", Map.of("form", messages.getMessage("betting.page.busy", null, locale)));
            return page(race, pool, form, locale, model);
        }
    }

    private String page(RaceCard race, PoolCard pool, BetForm form, Locale locale, Model model) {
        model.addAttribute("race", race);
        model.addAttribute("pool", pool);
        model.addAttribute("pools", onlinePools(race));
        model.addAttribute("legs", pool.raceIds().stream().map(this::card).toList());
        model.addAttribute("formulations", BetForm.formulations(pool.betType()));
        model.addAttribute("form", form);
        model.addAttribute("fmt", new Euros(locale));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "tote/betting/bet";
    }

    private BetForm fresh(PoolCard pool, String formulation, Locale locale) {
        return BetForm.fresh(pool.betType(), formulation, new Euros(locale).plain(pool.unitStake()));
    }

    /** The page's race: the one the player came from if the pool runs on it, else the pool's first race. */
    private RaceCard context(PoolCard pool, UUID raceId) {
        return card(raceId != null && pool.raceIds().contains(raceId) ? raceId : pool.raceIds().getFirst());
    }

    private static List<PoolCard> onlinePools(RaceCard race) {
        return race.pools().stream().filter(p -> p.family() == ChannelFamily.ONLINE).toList();
    }

    /** The places a problem can be shown, one per runner group of the formulation, then the stake and the form. */
    private static List<String> slots(PoolCard pool, BetForm form) {
        List<String> groups = switch (form.formulation()) {
            case "CHAMP" -> List.of("bases", "partners");
            case "LEGS" -> IntStream.rangeClosed(1, pool.betType().legs()).mapToObj(leg -> "leg" + leg).toList();
            default -> List.of("runners");
        };
        return Stream.concat(groups.stream(), Stream.of("stake", "form")).toList();
    }

    /** The problem's message in the reader's language, under the slot of the field it names. */
    private Map<String, String> errors(ProblemException problem, PoolCard pool, Locale locale) {
        Euros fmt = new Euros(locale);
        Object[] arguments = {problem.getMessage(), fmt.money(pool.unitStake()), fmt.money(pool.minStake()),
                fmt.money(pool.maxStake())};
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem.fieldProblems().isEmpty()) {
            errors.put("form", messages.getMessage("betting.page.refusal." + problem.slug(), arguments,
                    problem.getMessage(), locale));
            return errors;
        }
        for (ProblemException.FieldProblem field : problem.fieldProblems()) {
            errors.put(slot(field.field()), messages.getMessage("betting.page.error." + field.code(), arguments,
                    field.message(), locale));
        }
        return errors;
    }

    /** "formulation.legs[2]" is the third leg's group, "formulation.runners" the runners'; the rest is the form's. */
    private static String slot(String field) {
        String name = field.startsWith("formulation.") ? field.substring("formulation.".length()) : field;
        if (name.matches("legs\\[\\d]")) {
            return "leg" + (Character.getNumericValue(name.charAt(5)) + 1);
        }
        return switch (name) {
            case "runners", "bases", "partners", "stake" -> name;
            default -> "form";
        };
    }

    private RaceCard card(UUID raceId) {
        return races.race(raceId).orElseThrow(BetPageController::notFound);
    }

    private PoolCard pool(UUID poolId) {
        return races.pool(poolId).filter(p -> p.family() == ChannelFamily.ONLINE)
                .orElseThrow(BetPageController::notFound);
    }

    private static UUID parse(String raceId) {
        try {
            return raceId == null ? null : UUID.fromString(raceId);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** Amounts as the reader's language writes them. */
    record Euros(Locale locale) {

        public String money(Money amount) {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance("EUR"));
            return format.format(amount.toEuros());
        }

        public String cents(long cents) {
            return money(Money.ofCents(cents));
        }

        /** For the stake input: "1.50", or "1,50" in French, as {@link BetForm} reads it back. */
        public String plain(Money amount) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            format.setGroupingUsed(false);
            return format.format(amount.toEuros());
        }
    }
}
