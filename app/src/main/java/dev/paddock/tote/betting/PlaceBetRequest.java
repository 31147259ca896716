package dev.paddock.tote.betting;

import dev.paddock.shared.StrictCents;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code POST /api/tote/bets}.
 *
 * @param requestId   the client's id of this intended bet, 1 to 100 characters, unique per account: sending
 *                    it again returns the first outcome
 * @param stake       cents per unit combination, a multiple of the pool's unit stake
 * @param channel     WEB (default), MOBILE or RETAIL
 */
record PlaceBetRequest(String requestId, UUID poolId, FormulationInput formulation,
        @JsonDeserialize(using = StrictCents.class) Long stake, String channel) {

    /**
     * @param type     UNIT, COMBINED, CHAMP or LEGS
     * @param runners  UNIT and COMBINED
     * @param bases    CHAMP
     * @param partners CHAMP; empty or absent for a champ total
     * @param legs     LEGS (Big 5): the runners of each of the 5 legs
     */
    record FormulationInput(String type, List<Integer> runners, List<Integer> bases, List<Integer> partners,
            List<List<Integer>> legs) {
    }
}
