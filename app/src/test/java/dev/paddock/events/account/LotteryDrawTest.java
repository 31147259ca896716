package dev.paddock.events.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LotteryDrawTest {

    private static List<LotteryDraw.Entry> singles(int n, Random random) {
        return IntStream.range(0, n).mapToObj(i -> new LotteryDraw.Entry(new UUID(random.nextLong(), random.nextLong()), 1))
                .toList();
    }

    @Test
    void theOrderIsTheTicketsOrderAsAnyoneRecomputesThem() throws Exception {
        List<LotteryDraw.Entry> entries = singles(50, new Random(1));
        LotteryDraw.Result result = LotteryDraw.draw("published-seed-2027", entries, 10);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("published-seed-2027".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        List<UUID> expected = entries.stream().map(LotteryDraw.Entry::id)
                .sorted(Comparator.comparing((UUID id) -> HexFormat.of().formatHex(
                        mac.doFinal(id.toString().getBytes(StandardCharsets.UTF_8)))))
                .toList();
        assertThat(result.order()).extracting(d -> d.entry().id()).containsExactlyElementsOf(expected);
        assertThat(result.winners()).extracting(LotteryDraw.Entry::id).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(result.waitlist()).extracting(LotteryDraw.Entry::id).containsExactlyElementsOf(expected.subList(10, 50));
    }

    @Test
    void theSameSeedGivesTheSameDrawWhateverTheOrderOfEntries() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<LotteryDraw.Entry> entries = new ArrayList<>(singles(1 + random.nextInt(40), random));
            String seed = "seed-" + random.nextInt();
            int capacity = random.nextInt(45);
            LotteryDraw.Result first = LotteryDraw.draw(seed, entries, capacity);
            Collections.shuffle(entries, random);
            LotteryDraw.Result again = LotteryDraw.draw(seed, entries, capacity);
            assertThat(again).isEqualTo(first);
            assertThat(first.order()).hasSize(entries.size());
            assertThat(first.winners()).hasSize(Math.min(capacity, entries.size()));
            assertThat(first.winners().size() + first.waitlist().size()).isEqualTo(entries.size());
        }
    }

    @Test
    void anotherSeedGivesAnotherOrder() {
        List<LotteryDraw.Entry> entries = singles(20, new Random(3));
        assertThat(LotteryDraw.draw("a", entries, 5).order()).isNotEqualTo(LotteryDraw.draw("b", entries, 5).order());
    }

    /** Over many seeds each of 10 entries wins one of 3 places about 30 % of the time (chi-square, 9 df, p = 0.001). */
    @Test
    void everyEntryHasTheSameChance() {
        List<LotteryDraw.Entry> entries = singles(10, new Random(11));
        int seeds = 20_000;
        int[] wins = new int[10];
        int[] firsts = new int[10];
        for (int s = 0; s < seeds; s++) {
            LotteryDraw.Result result = LotteryDraw.draw("seed " + s, entries, 3);
            for (LotteryDraw.Entry winner : result.winners()) {
                wins[entries.indexOf(winner)]++;
            }
            firsts[entries.indexOf(result.order().getFirst().entry())]++;
        }
        assertThat(chiSquare(wins, seeds * 3 / 10.0)).isLessThan(27.88);
        assertThat(chiSquare(firsts, seeds / 10.0)).isLessThan(27.88);
    }

    private static double chiSquare(int[] observed, double expected) {
        double sum = 0;
        for (int o : observed) {
            sum += (o - expected) * (o - expected) / expected;
        }
        return sum;
    }

    @ParameterizedTest(name = "capacity {0}")
    @CsvSource({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12"})
    void teamsDrawAsOneUnitAndNeverOverfill(int capacity) {
        Random random = new Random(capacity);
        for (int run = 0; run < 100; run++) {
            List<LotteryDraw.Entry> entries = IntStream.range(0, 6)
                    .mapToObj(i -> new LotteryDraw.Entry(UUID.randomUUID(), 1 + random.nextInt(4))).toList();
            LotteryDraw.Result result = LotteryDraw.draw("s" + run, entries, capacity);
            int taken = result.winners().stream().mapToInt(LotteryDraw.Entry::places).sum();
            assertThat(taken).isLessThanOrEqualTo(capacity);
            int left = capacity;
            for (LotteryDraw.Drawn drawn : result.order()) {
                assertThat(drawn.won()).as("wins exactly when it fits what is left").isEqualTo(drawn.entry().places() <= left);
                if (drawn.won()) {
                    left -= drawn.entry().places();
                }
            }
        }
    }

    @Test
    void theDigestDependsOnTheSetOfEntriesOnly() throws Exception {
        List<UUID> ids = new ArrayList<>(singles(5, new Random(5)).stream().map(LotteryDraw.Entry::id).toList());
        String digest = LotteryDraw.digest(ids);
        Collections.reverse(ids);
        assertThat(LotteryDraw.digest(ids)).isEqualTo(digest);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ids.stream().map(UUID::toString).sorted().forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(digest).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        ids.removeLast();
        assertThat(LotteryDraw.digest(ids)).isNotEqualTo(digest);
    }
}
