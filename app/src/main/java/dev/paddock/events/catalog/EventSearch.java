package dev.paddock.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue's search: published events filtered by text (name, venue), sport, dates, place, distance
 * and whether a race takes registrations now. Pure: builds the SQL condition and its parameters.
 *
 * @param from  events ending on or after this day
 * @param to    events starting on or before this day
 * @param open  true: only events with a race open for registration at the search's moment
 */
record EventSearch(String q, String sport, LocalDate from, LocalDate to, String country, String region,
        Integer minDistanceM, Integer maxDistanceM, boolean open, int page) {

    static final int PAGE_SIZE = 20;

    EventSearch {
        q = blankToNull(q);
        sport = blankToNull(sport) == null ? null : sport.strip().toUpperCase(Locale.ROOT);
        country = blankToNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
        region = blankToNull(region);
        page = Math.max(page, 0);
    }

    /** The {@code where} condition on {@code events.events e} and its named parameters. */
    Condition condition(Instant now) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        terms.add("e.status = 'PUBLISHED'");
        if (q != null) {
            terms.add("(e.name ilike :q escape '\\' or e.venue ilike :q escape '\\')");
            params.put("q", "%" + likeEscaped(q.strip()) + "%");
        }
        if (sport != null) {
            terms.add("e.sport = :sport");
            params.put("sport", sport);
        }
        if (from != null) {
            terms.add("e.ends_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            terms.add("e.starts_on <= :to");
            params.put("to", to);
        }
        if (country != null) {
            terms.add("e.country = :country");
            params.put("country", country);
        }
        if (region != null) {
            terms.add("lower(e.region) = lower(:region)");
            params.put("region", region.strip());
        }
        List<String> race = new ArrayList<>();
        if (minDistanceM != null) {
            race.add("r.distance_m >= :minDistance");
            params.put("minDistance", minDistanceM);
        }
        if (maxDistanceM != null) {
            race.add("r.distance_m <= :maxDistance");
            params.put("maxDistance", maxDistanceM);
        }
        if (open) {
            race.add("r.registration <> 'CLOSED' and r.registration_closes_at > :now"
                    + " and (r.registration = 'OPEN' or r.registration_opens_at <= :now)");
            params.put("now", java.sql.Timestamp.from(now));
        }
        if (!race.isEmpty()) {
            terms.add("exists (select 1 from events.races r where r.event_id = e.id and " + String.join(" and ", race) + ")");
        }
        return new Condition(String.join(" and ", terms), params);
    }

    record Condition(String sql, Map<String, Object> params) {
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
