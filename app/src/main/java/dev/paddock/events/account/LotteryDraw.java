package dev.paddock.events.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A lottery race's draw, a pure function anyone can re-run from what is published: each entry (an athlete, or a
 * whole team drawn as one unit) gets the ticket HMAC-SHA-256(key = seed, message = entry id as a lower-case UUID
 * string), and entries are drawn in ascending ticket order (hex). The order does not depend on the order entries
 * are given in, and a seed chosen before the entry list is known cannot favour anyone. Going down the drawn order,
 * an entry wins when its places still fit in the capacity left (a team too big for what is left is passed over
 * and goes to the waitlist, and smaller entries behind it may still win); everyone else is waitlisted in drawn order.
 */
final class LotteryDraw {

    private LotteryDraw() {
    }

    /** One unit of the draw: a registration, or a team's registrations under the team id, needing {@code places}. */
    record Entry(UUID id, int places) {

        Entry {
            if (places < 1) {
                throw new IllegalArgumentException("An entry needs at least one place");
            }
        }
    }

    /** The entries in drawn order, with their tickets, split into winners and waitlist. */
    record Result(List<Drawn> order, List<Entry> winners, List<Entry> waitlist) {
    }

    record Drawn(Entry entry, String ticket, boolean won) {
    }

    static Result draw(String seed, List<Entry> entries, int capacity) {
        List<Drawn> tickets = new ArrayList<>(entries.stream()
                .map(entry -> new Drawn(entry, ticket(seed, entry.id()), false)).toList());
        tickets.sort(Comparator.comparing(Drawn::ticket).thenComparing(drawn -> drawn.entry().id()));
        List<Drawn> order = new ArrayList<>();
        List<Entry> winners = new ArrayList<>();
        List<Entry> waitlist = new ArrayList<>();
        int left = capacity;
        for (Drawn drawn : tickets) {
            boolean won = drawn.entry().places() <= left;
            if (won) {
                left -= drawn.entry().places();
                winners.add(drawn.entry());
            } else {
                waitlist.add(drawn.entry());
            }
            order.add(new Drawn(drawn.entry(), drawn.ticket(), won));
        }
        return new Result(List.copyOf(order), List.copyOf(winners), List.copyOf(waitlist));
    }

    /** HMAC-SHA-256(seed, id) in lower-case hex. */
    static String ticket(String seed, UUID id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(id.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    /**
     * SHA-256 of the entry ids sorted as strings, one per line ({@code id + "\n"}): published before or with the
     * draw, it proves which entries took part.
     */
    static String digest(List<UUID> entryIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            entryIds.stream().map(UUID::toString).sorted()
                    .forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
