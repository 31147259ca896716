package dev.paddock.events.catalog;

import java.util.List;
import java.util.Map;

/** One page of a race's public participant list: CONFIRMED registrations, PUBLIC answers only. */
public record ParticipantList(String race, String q, int page, boolean hasNext, List<Participant> participants) {

    static final int PAGE_SIZE = 50;

    /** @param fields the answers to the race's PUBLIC custom fields, by key */
    public record Participant(String firstName, String lastName, Integer bib, String gender, String nationality, String team,
            Map<String, Object> fields) {
    }
}
