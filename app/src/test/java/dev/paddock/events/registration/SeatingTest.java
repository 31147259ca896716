package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.events.registration.Seating.Claim;
import dev.paddock.events.registration.Seating.Seat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeatingTest {

    /** Claims: w = wants the waitlist, n = does not, r = refused (its wallet could not pay). Seats: P W F R. */
    @ParameterizedTest(name = "{0} free, {1} -> {2}")
    @CsvSource({
            "0, '',        ''",
            "3, '',        ''",
            "0, w,         W",
            "0, n,         F",
            "0, r,         R",
            "1, w,         P",
            "1, n,         P",
            "1, r,         R",
            "2, w n w,     P P W",
            "2, n n n,     P P F",
            "2, w w n w,   P P F W",
            "3, w w,       P P",
            "2, r w w,     R P P",
            "2, w r w,     P R P",
            "2, w w r,     P P R",
            "1, r r w n,   R R P F",
            "2, w r r w w, P R R P W",
            "0, w r n,     W R F",
            "5, w n r w n, P P R P P"})
    void placesGoInArrivalOrderPastTheRefused(int free, String claims, String expected) {
        assertThat(render(Seating.seat(free, parse(claims)))).isEqualTo(expected.trim().replaceAll("\\s+", " "));
    }

    @Test
    void everyBatchOfUpToSixEntriesSeatsTheEarliestUnrefusedAndKeepsSeatsWhenMoreAreRefused() {
        for (int size = 0; size <= 6; size++) {
            for (int mask = 0; mask < (1 << (2 * size)); mask++) {
                List<Claim> claims = claims(size, mask);
                for (int free = 0; free <= size + 1; free++) {
                    Seat[] seats = Seating.seat(free, claims);
                    long eligible = claims.stream().filter(c -> !c.refused()).count();
                    assertThat(Arrays.stream(seats).filter(s -> s == Seat.PLACE).count())
                            .isEqualTo(Math.min(free, eligible));
                    int seen = 0;
                    for (int i = 0; i < size; i++) {
                        Claim claim = claims.get(i);
                        Seat expected = claim.refused() ? Seat.REFUSED : seen++ < free ? Seat.PLACE
                                : claim.waitlist() ? Seat.WAITLIST : Seat.FULL;
                        assertThat(seats[i]).isEqualTo(expected);
                    }
                    for (int refuse = 0; refuse < size; refuse++) {
                        List<Claim> more = new ArrayList<>(claims);
                        more.set(refuse, new Claim(claims.get(refuse).waitlist(), true));
                        Seat[] after = Seating.seat(free, more);
                        for (int i = 0; i < size; i++) {
                            if (i != refuse && seats[i] == Seat.PLACE) {
                                assertThat(after[i]).isEqualTo(Seat.PLACE);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void negativeFreePlacesAreABug() {
        assertThatThrownBy(() -> Seating.seat(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Claim> claims(int size, int mask) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int bits = (mask >> (2 * i)) & 3;
            claims.add(new Claim((bits & 1) == 1, (bits & 2) == 2));
        }
        return claims;
    }

    private static List<Claim> parse(String claims) {
        if (claims == null || claims.isBlank()) {
            return List.of();
        }
        return Arrays.stream(claims.trim().split("\\s+"))
                .map(c -> new Claim(!c.equals("n"), c.equals("r"))).toList();
    }

    private static String render(Seat[] seats) {
        return Arrays.stream(seats).map(s -> s.name().substring(0, 1)).collect(Collectors.joining(" "));
    }
}
