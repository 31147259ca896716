package dev.paddock.tote.betting;

import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.util.MultiValueMap;

/**
 * The bet page's form as the player filled it in, kept as typed so that a refused bet shows the selection
 * again. Runner groups are named {@code runners}, {@code bases}, {@code partners} and {@code leg1}..{@code leg5}.
 *
 * @param requestId   generated when the form is rendered: a second submit of the same form replays the first
 * @param formulation UNIT, COMBINED, CHAMP or LEGS
 * @param stake       euros per combination as typed, "1.50" or "1,50"
 */
record BetForm(String requestId, String formulation, List<Integer> runners, List<Integer> bases,
        List<Integer> partners, List<List<Integer>> legs, String stake) {

    private static final Pattern EUROS = Pattern.compile("\\d{1,5}([.,]\\d{1,2})?");
    private static final Pattern RUNNER = Pattern.compile("\\d{1,3}");

    /** The formulations the page offers for a bet type, the first being the default. */
    static List<String> formulations(BetType type) {
        if (type == BetType.BIG5) {
            return List.of("LEGS");
        }
        if (type == BetType.MULTI) {
            return List.of("UNIT");
        }
        return type.runners() == 1 ? List.of("UNIT", "COMBINED") : List.of("UNIT", "COMBINED", "CHAMP");
    }

    /** An empty form for a new bet, with a formulation the bet type allows. */
    static BetForm fresh(BetType type, String formulation, String stake) {
        List<String> allowed = formulations(type);
        String chosen = formulation != null && allowed.contains(formulation.toUpperCase(Locale.ROOT))
                ? formulation.toUpperCase(Locale.ROOT) : allowed.getFirst();
        return new BetForm(UUID.randomUUID().toString(), chosen, List.of(), List.of(), List.of(), emptyLegs(type),
                stake);
    }

    static BetForm read(BetType type, MultiValueMap<String, String> params) {
        BetForm form = fresh(type, params.getFirst("formulation"), params.getFirst("stake"));
        List<List<Integer>> legs = IntStream.rangeClosed(1, type.legs()).mapToObj(leg -> runners(params, "leg" + leg))
                .toList();
        String requestId = params.getFirst("requestId");
        return new BetForm(requestId == null || requestId.isBlank() ? form.requestId() : requestId, form.formulation(),
                runners(params, "runners"), runners(params, "bases"), runners(params, "partners"),
                type == BetType.BIG5 ? legs : form.legs(), form.stake());
    }

    /** The same form with a new requestId: the old one is spent once the pipeline decided on it. */
    BetForm renewed() {
        return new BetForm(UUID.randomUUID().toString(), formulation, runners, bases, partners, legs, stake);
    }

    /** The selection as the API takes it; the stake in cents, or a field problem on {@code stake}. */
    PlaceBetRequest request(UUID poolId) {
        return new PlaceBetRequest(requestId, poolId, input(), stakeCents(), Channel.WEB.name());
    }

    PlaceBetRequest.FormulationInput input() {
        return switch (formulation) {
            case "CHAMP" -> new PlaceBetRequest.FormulationInput(formulation, null, bases, partners, null);
            case "LEGS" -> new PlaceBetRequest.FormulationInput(formulation, null, null, null, legs);
            default -> new PlaceBetRequest.FormulationInput(formulation, runners, null, null, null);
        };
    }

    long stakeCents() {
        String text = stake == null ? "" : stake.strip().replace('\u00a0', ' ').replace(" ", "");
        if (text.isEmpty()) {
            throw ProblemException.field("stake", "required", "Enter the stake per combination.");
        }
        if (!EUROS.matcher(text).matches()) {
            throw ProblemException.field("stake", "format", "Enter the stake in euros, such as 1.50.");
        }
        return new BigDecimal(text.replace(',', '.')).movePointRight(2).longValueExact();
    }

    /** The runner in this position of a unit bet on an ordered type (1-based), or null. */
    public Integer at(int position) {
        return position <= runners.size() ? runners.get(position - 1) : null;
    }

    private static List<List<Integer>> emptyLegs(BetType type) {
        return IntStream.range(0, type.legs()).mapToObj(leg -> List.<Integer>of()).toList();
    }

    /** In the order posted, which is the finishing order of a unit bet on an ordered type. */
    private static List<Integer> runners(MultiValueMap<String, String> params, String group) {
        List<Integer> runners = new ArrayList<>();
        for (String value : params.getOrDefault(group, List.of())) {
            // an empty position select posts ""; anything else the page cannot send names no runner
            if (value != null && RUNNER.matcher(value).matches()) {
                runners.add(Integer.valueOf(value));
            }
        }
        return List.copyOf(runners);
    }
}
