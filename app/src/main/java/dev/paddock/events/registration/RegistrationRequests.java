package dev.paddock.events.registration;

import tools.jackson.databind.JsonNode;

/** The registration API's request bodies, as the contract names their fields. */
final class RegistrationRequests {

    private RegistrationRequests() {
    }

    /**
     * {@code POST /api/events/races/{raceId}/registrations}.
     *
     * @param predictedTime an ISO-8601 duration such as PT3H30M, or null
     * @param payment       WALLET or CARD (ignored for a free race, a waitlist or a lottery entry)
     * @param waitlist      whether to join the waitlist when the race is full (default true)
     */
    record Individual(String requestId, Athlete athlete, JsonNode answers, String predictedTime, String promoCode,
            String payment, Boolean waitlist) {
    }

    /** One member of a team registered by its captain. */
    record Member(Athlete athlete, JsonNode answers, String role) {
    }

    /**
     * {@code POST /api/events/races/{raceId}/teams}: a whole team ({@code members}), or a team to be joined by
     * code ({@code joinCode: true} with the {@code captain}'s own entry).
     */
    record Team(String requestId, String name, java.util.List<Member> members, Boolean joinCode, Member captain,
            String promoCode, String payment) {
    }

    /** {@code POST /api/events/teams/join}. */
    record Join(String requestId, String code, Athlete athlete, JsonNode answers, String payment, String role) {
    }

    /** {@code POST /api/events/registrations/{registrationId}/accept}. */
    record Accept(String requestId, String payment, String promoCode) {
    }
}
