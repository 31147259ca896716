package dev.paddock.parimutuel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PMU's online rules of 5 February 2020 as {@link PoolRules}, per bet type, with the rank names each bet type
 * uses. The application's rule configuration starts from these. PMU's retail rules differ in their takeouts
 * only, which are per-pool terms ({@link PoolRules#withTakeout}); so these rules serve both channel families.
 * <p>
 * Rank names are lower-case letters, digits and hyphens, so that they bind as map keys from YAML as they are.
 * The ranks of each bet type, top rank first (the order an empty rank's share flows in):
 * <ul>
 * <li>Simple Gagnant: {@value #GAGNANT}. Simple Placé: {@value #PLACE} (first 2 with 4-7 starters, first 3 with
 * 8 or more; the profit is split equally between the placed runners).</li>
 * <li>Couplé Gagnant and Couplé Placé: {@value #COUPLE}, {@value #ONE_NP}. Couplé Ordre: {@value #ORDRE},
 * {@value #ONE_NP}. 2sur4: {@value #DEUX_SUR_QUATRE}, {@value #ONE_NP}.</li>
 * <li>Trio: {@value #TRIO}. Tiercé: {@value #ORDRE}, {@value #DESORDRE}, {@value #ONE_NP}, {@value #TWO_NP}.
 * Quarté+: {@value #ORDRE}, {@value #DESORDRE}, {@value #BONUS}. Quinté+: {@value #ORDRE}, {@value #DESORDRE},
 * {@value #BONUS_4}, {@value #BONUS_3}.</li>
 * <li>Multi: {@value #MULTI} (one base rank; the dividend of Multi en K is the base / C(K, 4)). Pick5:
 * {@value #PICK5}, {@value #ONE_NP}. Big 5: {@value #BIG5}.</li>
 * </ul>
 * Big 5's takeout is not in PMU's rules (it publishes none): 25 %, the application's default.
 * <p>
 * The progressive deduction on large dividends exists in PMU's rules, but its figures are not in our
 * sources: the default table is empty, and the mechanism is tested with a made-up table.
 */
public final class PmuRules {

    public static final String GAGNANT = "gagnant";
    public static final String PLACE = "place";
    public static final String COUPLE = "couple";
    public static final String ORDRE = "ordre";
    public static final String DESORDRE = "desordre";
    public static final String BONUS = "bonus";
    public static final String BONUS_4 = "bonus-4";
    public static final String BONUS_3 = "bonus-3";
    public static final String ONE_NP = "1-np";
    public static final String TWO_NP = "2-np";
    public static final String DEUX_SUR_QUATRE = "deux-sur-quatre";
    public static final String TRIO = "trio";
    public static final String MULTI = "multi";
    public static final String PICK5 = "pick5";
    public static final String BIG5 = "big5";

    private static final int FULL = 10_000;

    private PmuRules() {
    }

    public static PoolRules online2020(BetType type) {
        return switch (type) {
            case SIMPLE_GAGNANT -> rules(1390, 10_000, 0, GAGNANT, FULL);
            case SIMPLE_PLACE -> rules(1390, 10_000, 0, PLACE, FULL);
            case COUPLE_GAGNANT -> rules(2670, 10_000, 0, COUPLE, 7700, ONE_NP, 2300);
            case COUPLE_PLACE -> rules(2670, 10_000, 0, COUPLE, 5200, ONE_NP, 4800);
            case COUPLE_ORDRE -> rules(2670, 10_000, 0, ORDRE, 8600, ONE_NP, 1400);
            case DEUX_SUR_QUATRE -> rules(2685, 10_000, 0, DEUX_SUR_QUATRE, 8000, ONE_NP, 2000);
            case TRIO -> rules(2515, 10_000, 0, TRIO, FULL);
            case TIERCE -> rules(2265, 10_000, 0, ORDRE, 1000, DESORDRE, 5000, ONE_NP, 3000, TWO_NP, 1000);
            case QUARTE_PLUS -> rules(2465, 10_000, 0, ORDRE, 1000, DESORDRE, 4600, BONUS, 4400);
            case QUINTE_PLUS -> rules(3565, 6_000, 800, ORDRE, 1200, DESORDRE, 4050, BONUS_4, 1500, BONUS_3, 3250);
            case MULTI -> rules(3185, 10_000, 0, MULTI, FULL);
            case PICK5 -> rules(3655, 10_000, 0, PICK5, 5000, ONE_NP, 5000);
            case BIG5 -> rules(2500, 10_000, 0, BIG5, FULL);
        };
    }

    /** The ranks a bet type pays, top rank first. */
    public static List<String> ranks(BetType type) {
        return switch (type) {
            case SIMPLE_GAGNANT -> List.of(GAGNANT);
            case SIMPLE_PLACE -> List.of(PLACE);
            case COUPLE_GAGNANT, COUPLE_PLACE -> List.of(COUPLE, ONE_NP);
            case COUPLE_ORDRE -> List.of(ORDRE, ONE_NP);
            case DEUX_SUR_QUATRE -> List.of(DEUX_SUR_QUATRE, ONE_NP);
            case TRIO -> List.of(TRIO);
            case TIERCE -> List.of(ORDRE, DESORDRE, ONE_NP, TWO_NP);
            case QUARTE_PLUS -> List.of(ORDRE, DESORDRE, BONUS);
            case QUINTE_PLUS -> List.of(ORDRE, DESORDRE, BONUS_4, BONUS_3);
            case MULTI -> List.of(MULTI);
            case PICK5 -> List.of(PICK5, ONE_NP);
            case BIG5 -> List.of(BIG5);
        };
    }

    private static PoolRules rules(int takeoutBp, int reserveCoefficientBp, int reserveFundBp, Object... shares) {
        Map<String, Integer> rankShares = new LinkedHashMap<>();
        for (int i = 0; i < shares.length; i += 2) {
            rankShares.put((String) shares[i], (Integer) shares[i + 1]);
        }
        return new PoolRules(takeoutBp, reserveCoefficientBp, rankShares, Dividends.MINIMUM_CENTS, 10, 1000,
                reserveFundBp, PoolRules.EmptyRank.NEXT_RANK, List.of());
    }
}
