package dev.paddock.tote.programme;

import dev.paddock.tote.MeetingCard;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import java.util.List;

/** What the store reads: the public cards plus what operators need to edit them (versions, pool states). */
final class Loaded {

    private Loaded() {
    }

    /** A pool with its state (SCHEDULED, OPEN, CLOSED, CANCELLED) and its edit version. */
    record Pool(PoolCard card, String status, long version) {
    }

    record Race(RaceCard card, int meetingNumber, long version, List<Pool> pools) {
    }

    record Meeting(MeetingCard card, String country, long version, List<Race> races) {
    }
}
