package dev.paddock.bench.events;

import dev.paddock.bench.PaddockApi;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The event the rush hits, set up through the catalog's organizer API as the demo organizer
 * ({@code organizer@paddock.dev}, so the server needs its demo data): a published marathon of {@code places}
 * places, FIRST_COME, bibs AT_PAYMENT (one bib range covering every place), one price tier, custom fields (a
 * PUBLIC club, a required CHOICE T-shirt size, a required consent), registration opening at {@code opensAt}; and,
 * when {@code warmUpPlaces} is positive, two races opened at once by the organizer for the warm-up registrations a
 * running server would have served before the opening: a 10 km race of that many places, and a 5 km race of one
 * place, full after its first registration, so that the warm-up's refusals and waitlist entries come all along
 * with its confirmations.
 */
public record RushEvent(String eventId, String slug, String raceId, String raceCode, Instant opensAt, long priceCents,
        String warmUpRaceId, String fullRaceId) {

    static final String ORGANIZER = "organizer@paddock.dev";
    static final String ORGANIZER_PASSWORD = "paddock-organizer";
    static final ZoneId ZONE = ZoneId.of("Europe/Zurich");
    /** The code of the warm-up's 10 km race, whose participant list has rows all through the warm-up. */
    static final String WARM_UP_RACE_CODE = "10k";

    public static RushEvent create(PaddockApi api, String run, int places, long priceCents, Instant opensAt, int warmUpPlaces,
            PrintStream out) throws IOException, InterruptedException {
        String token = api.logIn(ORGANIZER, ORGANIZER_PASSWORD).accessToken();
        LocalDate raceDay = LocalDate.ofInstant(opensAt, ZONE).plusDays(120);
        Instant startsAt = raceDay.atTime(LocalTime.of(8, 30)).atZone(ZONE).toInstant();
        Instant closesAt = startsAt.minus(Duration.ofDays(7));
        String slug = "rush-" + run;
        HttpResponse<String> mine = api.exchange("GET", "/api/events/organizer/events", token, null);
        if (mine.statusCode() == 404) {
            throw new IOException("This server has no events organizer API (GET /api/events/organizer/events answered "
                    + "404): the rush needs the events catalog and registration parts");
        }
        JsonNode event = api.call("/api/events/organizer/events", token, object("slug", slug,
                "name", "Opening Rush Marathon " + run, "sport", "RUNNING",
                "description", "A marathon whose registration opens to a rush (events-rush benchmark).",
                "venue", "Zürich", "region", "ZH", "country", "CH", "zone", ZONE.getId(),
                "startsOn", raceDay.toString(), "endsOn", raceDay.toString(),
                "refundPolicy", List.of(Map.of("daysBefore", 30, "percent", 100)), "transferDeadline", null,
                "transferFeeCents", 1000), 201);
        String eventId = event.get("id").asString();
        String raceId = race(api, token, eventId, "marathon", "Marathon", 42195, startsAt, places, opensAt, closesAt,
                priceCents);
        String warmUpRaceId = null;
        String fullRaceId = null;
        if (warmUpPlaces > 0) {
            warmUpRaceId = race(api, token, eventId, WARM_UP_RACE_CODE, "10 km", 10000, startsAt.plus(Duration.ofHours(2)),
                    warmUpPlaces, opensAt, closesAt, priceCents);
            bibs(api, token, warmUpRaceId, places + 1, places + warmUpPlaces, out);
            open(api, token, warmUpRaceId);
            fullRaceId = race(api, token, eventId, "5k", "5 km", 5000, startsAt.plus(Duration.ofHours(3)), 1, opensAt,
                    closesAt, priceCents);
            bibs(api, token, fullRaceId, places + warmUpPlaces + 1, places + warmUpPlaces + 1, out);
            open(api, token, fullRaceId);
        }
        bibs(api, token, raceId, 1, places, out);
        HttpResponse<String> published = api.exchange("POST", "/api/events/organizer/events/" + eventId + "/publish",
                token, null);
        if (published.statusCode() / 100 != 2) {
            throw new IOException("Publishing the event answered " + published.statusCode() + ": " + published.body());
        }
        return new RushEvent(eventId, slug, raceId, "marathon", opensAt, priceCents, warmUpRaceId, fullRaceId);
    }

    private static void open(PaddockApi api, String token, String raceId) throws IOException, InterruptedException {
        HttpResponse<String> open = api.exchange("POST", "/api/events/organizer/races/" + raceId + "/registration/open",
                token, null);
        if (open.statusCode() / 100 != 2) {
            throw new IOException("Opening a warm-up race answered " + open.statusCode() + ": " + open.body());
        }
    }

    private static void bibs(PaddockApi api, String token, String raceId, int first, int last, PrintStream out)
            throws IOException, InterruptedException {
        HttpResponse<String> bibs = api.exchange("PUT", "/api/events/organizer/races/" + raceId + "/bib-ranges", token,
                List.of(object("firstBib", first, "lastBib", last, "wave", null)));
        if (bibs.statusCode() / 100 != 2) {
            out.println("  warning: the bib range was refused (" + bibs.statusCode() + "): bibs may stay empty");
        }
    }

    private static String race(PaddockApi api, String token, String eventId, String code, String name, int distance,
            Instant startsAt, int places, Instant opensAt, Instant closesAt, long priceCents)
            throws IOException, InterruptedException {
        return api.call("/api/events/organizer/events/" + eventId + "/races", token, object("code", code,
                "name", name, "distanceM", distance, "elevationGainM", 180, "startsAt", startsAt.toString(),
                "capacity", places, "mode", "FIRST_COME", "registrationOpensAt", opensAt.toString(),
                "registrationClosesAt", closesAt.toString(), "minAge", 16, "maxAge", null, "fields", fields(),
                "priceTiers", List.of(object("name", "Regular", "startsAt", opensAt.minus(Duration.ofDays(1)).toString(),
                        "endsAt", closesAt.toString(), "priceCents", priceCents)),
                "team", null, "bibMode", "AT_PAYMENT", "waitlistOfferHours", 48), 201).get("id").asString();
    }

    /** The race as the public API shows it ({@code GET /api/events/{slug}}). */
    JsonNode publicRace(PaddockApi api) throws IOException, InterruptedException {
        HttpResponse<String> answer = api.sendKeepingBody(api.anonymousGet("/api/events/" + slug, "application/json"))
                .join();
        if (answer.statusCode() != 200) {
            throw new IOException("GET /api/events/" + slug + " answered " + answer.statusCode() + ": " + answer.body());
        }
        for (JsonNode race : api.read(answer.body()).get("races")) {
            if (race.get("id").asString().equals(raceId)) {
                return race;
            }
        }
        throw new IOException("GET /api/events/" + slug + " does not list race " + raceId);
    }

    /** The answers athlete n gives to the race's custom fields. */
    public static Map<String, Object> answers(Athletes.Athlete athlete) {
        Map<String, Object> answers = new LinkedHashMap<>();
        if (athlete.club() != null) {
            answers.put("club", athlete.club());
        }
        answers.put("tshirt", athlete.tshirt());
        answers.put("consent", true);
        return answers;
    }

    private static List<Map<String, Object>> fields() {
        return List.of(
                field("club", "Club", "TEXT", false, "PUBLIC", List.of(), 80),
                field("tshirt", "T-shirt size", "CHOICE", true, "PRIVATE", Athletes.SIZES, null),
                field("consent", "I accept the race rules", "CONSENT", true, "PRIVATE", List.of(), null));
    }

    private static Map<String, Object> field(String key, String label, String type, boolean required,
            String visibility, List<String> options, Integer maxLength) {
        return object("key", key, "label", label, "type", type, "required", required, "visibility", visibility,
                "options", options, "min", null, "max", null, "maxLength", maxLength);
    }

    /** A JSON object in the order given, nulls kept (Map.of refuses them). */
    public static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
