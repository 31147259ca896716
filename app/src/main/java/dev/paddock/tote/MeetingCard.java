package dev.paddock.tote;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A meeting (réunion) R{number} of a day at one venue, with its races in number order. */
public record MeetingCard(UUID id, LocalDate date, int number, String venue, List<RaceCard> races) {

    public MeetingCard {
        races = List.copyOf(races);
    }

    public String code() {
        return "R" + number;
    }
}
