package dev.paddock.parimutuel;

import java.util.List;

/**
 * Counts a stored ticket's unit combinations, and those holding non-runners, without enumerating them: a
 * combined ticket of K runners with q non-runners holds C(q, j) x C(K - q, n - j) combinations (times n! on
 * the ordered types) with exactly j non-runners; a champ counts its bases' non-runners as always present.
 */
final class TicketShape {

    private TicketShape() {
    }

    static long count(BetType type, Formulation formulation) {
        return switch (formulation) {
            case Formulation.Unit _ -> 1;
            case Formulation.Combined combined -> withNonRunners(type, 0, 0, combined.runners().size(), 0, -1);
            case Formulation.Champ champ -> withNonRunners(type, 0, champ.bases().size(), champ.partners().size(), 0, -1);
            case Formulation.Legs legs -> legs.legs().stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
        };
    }

    /**
     * Completions of b bases (qb of them non-runners) by n - b of P partners (qp non-runners) holding more than
     * {@code allowed} non-runners in all, in every order on the ordered types; with {@code allowed} below zero,
     * every completion.
     */
    static long withNonRunners(BetType type, int qb, int b, int partners, int qp, int allowed) {
        int n = type.runners();
        long count = 0;
        for (int j = 0; j <= Math.min(qp, n - b); j++) {
            if (qb + j > allowed) {
                count += Combinations.binomial(qp, j) * Combinations.binomial(partners - qp, n - b - j);
            }
        }
        return count * orders(type);
    }

    private static long orders(BetType type) {
        long orders = 1;
        for (int i = 2; type.ordered() && i <= type.runners(); i++) {
            orders *= i;
        }
        return orders;
    }

    static long mask(List<Integer> runners) {
        return Placings.mask(runners);
    }
}
