package dev.paddock.events.organizer;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.organizer.DashboardStats.RaceFill;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Puts an event's statistics together from the aggregates, in one read-only transaction (one snapshot). */
@Component
class Dashboard {

    private final StatsQueries queries;
    private final RaceRulesReader raceRules;
    private final EventAccess access;
    private final Clock clock;

    Dashboard(StatsQueries queries, RaceRulesReader raceRules, EventAccess access, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.raceRules = raceRules;
        this.clock = clock;
    }

    /** @param unit HOUR or DAY buckets, or null to choose by the span of the confirmations */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    DashboardStats stats(OrganizedEvent event, Timeline.Unit unit) {
        List<RaceFill> races = queries.fill(event.id());
        long confirmed = races.stream().mapToLong(RaceFill::confirmed).sum();
        long capacity = races.stream().mapToLong(RaceFill::capacity).sum();
        long[] money = queries.money(event.id());
        DashboardStats.Totals totals = new DashboardStats.Totals(confirmed,
                races.stream().mapToLong(RaceFill::offered).sum(), races.stream().mapToLong(RaceFill::waitlisted).sum(),
                capacity, DashboardStats.rate(confirmed, capacity), money[0], money[1], money[2], money[1] - money[2]);
        LocalDateTime[] span = queries.span(event.id(), event.zone());
        Timeline.Unit chosen = unit != null ? unit : span == null ? Timeline.Unit.HOUR : Timeline.unitFor(span[0], span[1]);
        List<Timeline.Point> points = Timeline.fill(queries.timeline(event.id(), event.zone(), chosen), chosen);
        AgeGroups.Breakdown ages = AgeGroups.of(queries.cohorts(event.id()), raceRules.of(event));
        return new DashboardStats(event.id(), event.name(), clock.instant(), totals,
                new DashboardStats.TimelineView(chosen, event.zone().getId(), points), races, ages.categories(),
                queries.byColumn(event.id(), "gender"), queries.byColumn(event.id(), "nationality"), ages.ageBands(),
                choices(event));
    }

    private List<DashboardStats.ChoiceCounts> choices(OrganizedEvent event) {
        List<List<FieldDefinition>> perRace = access.races(event.id()).stream().map(raceRules::fields).toList();
        return ExportColumns.union(perRace).stream().filter(field -> field.type() == FieldDefinition.FieldType.CHOICE)
                .map(field -> new DashboardStats.ChoiceCounts(field.key(), field.label(),
                        queries.byAnswer(event.id(), field.key())))
                .toList();
    }
}
