package dev.paddock.tote.results;

import dev.paddock.identity.AccountId;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.programme.ProgrammeDesk;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Races with results for the tests: closed races, and provisional or official arrivals typed as "3 1=7 5 2". */
@Component
public class ResultFixtures {

    private final ToteFixtures tote;
    private final ProgrammeDesk programme;
    private final ResultDesk results;

    ResultFixtures(ToteFixtures tote, ProgrammeDesk programme, ResultDesk results) {
        this.tote = tote;
        this.programme = programme;
        this.results = results;
    }

    /** A CLOSED race of 10 runners (numbers 1 to 10), with the given non-runners declared before its close. */
    public RaceCard closedRace(int... nonRunners) {
        RaceCard race = tote.openRace();
        for (int runner : nonRunners) {
            programme.declareNonRunner(race.id(), runner);
        }
        return programme.close(race.id());
    }

    /** Enters (or corrects) the race's provisional result. */
    public EnteredResult provisional(UUID raceId, String finish, String disqualified) {
        return results.enter(raceId, FinishNotation.parse(finish), FinishNotation.runners(disqualified, "disqualified"),
                "test", null, AccountId.random());
    }

    /** Enters the race's result and makes it official. */
    public EnteredResult official(UUID raceId, String finish, String disqualified) {
        provisional(raceId, finish, disqualified);
        return results.makeOfficial(raceId, null, AccountId.random());
    }
}
