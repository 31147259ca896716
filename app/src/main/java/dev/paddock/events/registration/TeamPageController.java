package dev.paddock.events.registration;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Team pages (session login): the captain's form with one row per member (rows added with htmx, removed in
 * the browser), either for the whole team or for a team to be joined by code; and the page where a member
 * joins with the code. Both go through {@link TeamDesk}, the API's own path.
 */
@Controller
class TeamPageController {

    private static final Pattern MEMBER_FIELD = Pattern.compile("members\\[(\\d+)](.*)");

    private final RegistrationPageController pages;
    private final TeamDesk teams;
    private final RaceTermsCache races;
    private final MessageSource messages;
    private final Clock clock;

    TeamPageController(RegistrationPageController pages, TeamDesk teams, RaceTermsCache races, MessageSource messages,
            Clock clock) {
        this.pages = pages;
        this.teams = teams;
        this.races = races;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/events/{slug}/{raceCode}/team")
    String form(AccountId account, @PathVariable String slug, @PathVariable String raceCode, Model model) {
        RaceTerms race = teamRace(slug, raceCode);
        int rows = race.team().minSize();
        return page(race, new FormInput(pages.prefill(account, "members[0].athlete")), rowList(rows), Map.of(),
                UUID.randomUUID().toString(), model);
    }

    /** One more member row (htmx). */
    @GetMapping("/events/{slug}/{raceCode}/team/member")
    String row(@PathVariable String slug, @PathVariable String raceCode, @RequestParam int index, Model model) {
        RaceTerms race = teamRace(slug, raceCode);
        model.addAttribute("race", race);
        model.addAttribute("fields", race.answers().fields());
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("i", Math.clamp(index, 0, 60));
        return "events/registration/team :: member";
    }

    @PostMapping("/events/{slug}/{raceCode}/team")
    String register(AccountId account, @PathVariable String slug, @PathVariable String raceCode,
            @RequestParam MultiValueMap<String, String> params, Locale locale, Model model) {
        RaceTerms race = teamRace(slug, raceCode);
        FormInput form = FormInput.of(params);
        List<Integer> rows = form.memberRows();
        boolean byCode = "true".equals(form.get("joinCode"));
        List<RegistrationRequests.Member> members = new ArrayList<>();
        for (int row : rows) {
            String prefix = "members[" + row + "]";
            members.add(new RegistrationRequests.Member(form.athlete(prefix + ".athlete"),
                    form.answers(prefix + ".answers", race.answers().fields()), form.get(prefix + ".role")));
        }
        RegistrationRequests.Team request = byCode
                ? new RegistrationRequests.Team(form.get("requestId"), form.get("name"), null, true,
                        members.isEmpty() ? null : members.getFirst(), null, form.get("payment"))
                : new RegistrationRequests.Team(form.get("requestId"), form.get("name"), members, false, null,
                        form.get("promoCode"), form.get("payment"));
        try {
            RegistrationAnswer answer = teams.register(account, race.raceId(), request);
            return "redirect:/events/orders/" + answer.orderId();
        } catch (ProblemException problem) {
            Map<String, String> errors = rowErrors(FormInput.errors(problem, messages, locale), rows, byCode);
            return page(race, form, rows.isEmpty() ? rowList(1) : rows, errors, form.get("requestId"), model);
        }
    }

    @GetMapping("/events/join")
    String joinForm(AccountId account, @RequestParam(required = false) String code, Model model) {
        Map<String, String> values = new HashMap<>(pages.prefill(account, "athlete"));
        if (code != null) {
            values.put("code", code);
        }
        return joinPage(new FormInput(values), Map.of(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/events/join")
    String join(AccountId account, @RequestParam MultiValueMap<String, String> params, Locale locale, Model model) {
        FormInput form = FormInput.of(params);
        RaceTerms race = race(form.get("code"));
        try {
            RegistrationAnswer answer = teams.join(account, new RegistrationRequests.Join(form.get("requestId"),
                    form.get("code"), form.athlete("athlete"),
                    race == null ? null : form.answers("answers", race.answers().fields()), form.get("payment"),
                    form.get("role")));
            return "redirect:/events/orders/" + answer.orderId();
        } catch (ProblemException problem) {
            return joinPage(form, FormInput.errors(problem, messages, locale), form.get("requestId"), model);
        }
    }

    private String joinPage(FormInput form, Map<String, String> errors, String requestId, Model model) {
        RaceTerms race = race(form.get("code"));
        model.addAttribute("race", race);
        model.addAttribute("team", form.get("code") == null ? null
                : teams.team(form.get("code").trim().toUpperCase(Locale.ROOT), false).orElse(null));
        model.addAttribute("fields", race == null ? List.of() : race.answers().fields());
        model.addAttribute("values", form.values());
        model.addAttribute("errors", errors);
        model.addAttribute("requestId", requestId);
        model.addAttribute("priceCents", race == null ? 0 : race.priceAt(clock.instant()));
        return "events/registration/join";
    }

    /** The race of the team holding this code, or null for no such team. */
    private RaceTerms race(String code) {
        if (code == null) {
            return null;
        }
        return teams.team(code.trim().toUpperCase(Locale.ROOT), false)
                .flatMap(team -> races.race(team.raceId())).orElse(null);
    }

    private String page(RaceTerms race, FormInput form, List<Integer> rows, Map<String, String> errors,
            String requestId, Model model) {
        model.addAttribute("race", race);
        model.addAttribute("team", race.team());
        model.addAttribute("fields", race.answers().fields());
        model.addAttribute("values", form.values());
        model.addAttribute("rows", rows);
        model.addAttribute("nextRow", rows.isEmpty() ? 0 : rows.getLast() + 1);
        model.addAttribute("errors", errors);
        model.addAttribute("requestId", requestId);
        model.addAttribute("priceCents", race.priceAt(clock.instant()));
        return "events/registration/team";
    }

    /**
     * The API names members by their index in the list it got ({@code members[1]}), or {@code captain} for a
     * team to be joined; the page's rows keep their own numbers, with gaps where rows were removed.
     */
    private static Map<String, String> rowErrors(Map<String, String> errors, List<Integer> rows, boolean byCode) {
        Map<String, String> mapped = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String name = field;
            if (byCode && field.startsWith("captain") && !rows.isEmpty()) {
                name = "members[" + rows.getFirst() + "]" + field.substring("captain".length());
            }
            Matcher matcher = MEMBER_FIELD.matcher(field);
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) < rows.size()) {
                name = "members[" + rows.get(Integer.parseInt(matcher.group(1))) + "]" + matcher.group(2);
            }
            mapped.put(name, message);
        });
        return mapped;
    }

    private static List<Integer> rowList(int rows) {
        return java.util.stream.IntStream.range(0, Math.max(rows, 1)).boxed().toList();
    }

    private RaceTerms teamRace(String slug, String raceCode) {
        RaceTerms race = pages.race(slug, raceCode);
        if (race.team() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return race;
    }
}
