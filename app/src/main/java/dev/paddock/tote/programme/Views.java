package dev.paddock.tote.programme;

import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.RunnerCard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The programme in JSON. Amounts are integer euro cents; {@code version} is what an edit sends back. */
final class Views {

    private Views() {
    }

    record DayView(LocalDate date, List<MeetingView> meetings) {
    }

    record MeetingView(UUID id, LocalDate date, int number, String code, String venue, String country, long version,
            List<RaceView> races) {
        static MeetingView of(Loaded.Meeting m, Instant now) {
            return new MeetingView(m.card().id(), m.card().date(), m.card().number(), m.card().code(),
                    m.card().venue(), m.country(), m.version(), m.races().stream().map(r -> RaceView.of(r, now)).toList());
        }
    }

    record RaceView(UUID id, UUID meetingId, String code, int number, String name, Instant startsAt,
            long secondsToStart, RaceStatus status, long version, List<RunnerCard> runners, List<PoolView> pools) {
        static RaceView of(Loaded.Race r, Instant now) {
            var c = r.card();
            String code = c.code();
            int number = Integer.parseInt(code.substring(code.indexOf('C') + 1));
            return new RaceView(c.id(), c.meetingId(), code, number, c.name(), c.startsAt(),
                    Math.max(0, Duration.between(now, c.startsAt()).toSeconds()), c.status(), r.version(), c.runners(),
                    r.pools().stream().map(PoolView::of).toList());
        }
    }

    record PoolView(UUID id, String betType, String family, int takeoutBasisPoints, long minStake, long unitStake,
            long maxStake, boolean flexi, String status, long version, List<UUID> raceIds) {
        static PoolView of(Loaded.Pool p) {
            var c = p.card();
            return new PoolView(c.id(), c.betType().name(), c.family().name(), c.takeoutBasisPoints(),
                    c.minStake().cents(), c.unitStake().cents(), c.maxStake().cents(), c.flexi(), p.status(),
                    p.version(), c.raceIds());
        }
    }
}
