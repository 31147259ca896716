package dev.paddock.bench.events;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rush's athletes: athlete n is always the same person for a given seed and run (names drawn from short
 * lists, so names repeat as in real fields; the e-mail makes each one distinct), with a gender, a birth date
 * between 1950 and 2006, a nationality weighted towards a Swiss event's field, a PUBLIC club for about half of
 * them and a T-shirt size (the race's CHOICE field).
 */
public final class Athletes {

    static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL");

    private static final List<String> WOMEN = List.of("Anna", "Laura", "Sarah", "Lea", "Julia", "Nina", "Sophie",
            "Marie", "Elena", "Chiara", "Camille", "Emma", "Lena", "Mia", "Claudia", "Petra", "Sandra", "Martina");
    private static final List<String> MEN = List.of("Luca", "Noah", "David", "Marco", "Daniel", "Thomas", "Simon",
            "Lukas", "Jonas", "Matteo", "Nicolas", "Pierre", "Reto", "Urs", "Beat", "Stefan", "Michael", "Jan");
    private static final List<String> SURNAMES = List.of("Müller", "Meier", "Schmid", "Keller", "Weber", "Huber",
            "Schneider", "Meyer", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann",
            "Moser", "Widmer", "Wyss", "Graf", "Roth", "Rossi", "Bianchi", "Favre", "Rochat", "Dubois", "Smith",
            "Kälin", "Suter", "Lehmann", "Bucher");
    private static final List<String> NATIONALITIES = List.of("CH", "CH", "CH", "CH", "CH", "CH", "DE", "DE", "FR",
            "IT", "AT", "GB", "US", "NL", "ES");
    private static final List<String> CLUBS = List.of("LC Zürich", "TV Oerlikon", "LV Winterthur", "Team Ultraks",
            "Lauftreff Baden", "CA Genève", "Running Club Bern");

    /** One athlete as the registration API takes it, plus the custom field answers. */
    public record Athlete(String firstName, String lastName, String gender, LocalDate birthDate, String nationality,
            String email, String club, String tshirt) {
    }

    private final String run;
    private final long seed;

    public Athletes(String run, long seed) {
        this.run = run;
        this.seed = seed;
    }

    public Athlete athlete(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        int g = random.nextInt(100);
        String gender = g < 42 ? "F" : g < 99 ? "M" : "X";
        List<String> firstNames = gender.equals("F") ? WOMEN : gender.equals("M") ? MEN
                : random.nextBoolean() ? WOMEN : MEN;
        String firstName = firstNames.get(random.nextInt(firstNames.size()));
        String lastName = SURNAMES.get(random.nextInt(SURNAMES.size()));
        LocalDate birthDate = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(56 * 365));
        String club = random.nextBoolean() ? CLUBS.get(random.nextInt(CLUBS.size())) : null;
        return new Athlete(firstName, lastName, gender, birthDate, NATIONALITIES.get(random.nextInt(NATIONALITIES.size())),
                "athlete-" + n + "-" + run + "@rush.bench.paddock.dev", club, SIZES.get(random.nextInt(SIZES.size())));
    }
}
