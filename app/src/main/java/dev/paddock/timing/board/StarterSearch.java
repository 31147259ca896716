package dev.paddock.timing.board;

import dev.paddock.events.Starter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A start list searched by bib or by name: each of the query's words anywhere in the athlete's name, case and
 * accents ignored, in start-list order. Built once per start list (a snapshot of the same list reuses it): names
 * are folded once, and the words of three letters or more are looked up through the start list's three-letter pieces
 * (the athletes holding all of them), so a search reads the few athletes that can match instead of every name; a
 * query whose words are all shorter reads the whole list.
 */
public final class StarterSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final int[] NONE = {};

    /** The start list as given, to know when a later snapshot can reuse this search. */
    private final List<Starter> source;
    private final List<Starter> starters;
    private final String[] names;
    private final Map<String, int[]> pieces;
    private final Map<Integer, Integer> positions;
    /** Names holding a digit: the only ones a short number can match besides its bib (usually none). */
    private final List<Integer> withDigits = new ArrayList<>();

    private StarterSearch(List<Starter> source) {
        this.source = source;
        this.starters = List.copyOf(source);
        this.names = new String[starters.size()];
        this.positions = new HashMap<>();
        Map<String, List<Integer>> found = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            Starter starter = starters.get(i);
            names[i] = fold(starter.firstName() + " " + starter.lastName());
            positions.put(starter.bib(), i);
            if (names[i].chars().anyMatch(Character::isDigit)) {
                withDigits.add(i);
            }
            for (int at = 0; at + 3 <= names[i].length(); at++) {
                List<Integer> list = found.computeIfAbsent(names[i].substring(at, at + 3), p -> new ArrayList<>());
                if (list.isEmpty() || list.getLast() != i) {
                    list.add(i);
                }
            }
        }
        this.pieces = new HashMap<>();
        found.forEach((piece, list) -> pieces.put(piece, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The previous snapshot's search if it was built from this very start list, else a new one. */
    static StarterSearch of(List<Starter> starters, StarterSearch previous) {
        return previous != null && previous.source == starters ? previous : new StarterSearch(starters);
    }

    /** The athletes whose bib is the query or whose name holds each of its words; at most {@code limit}. */
    public List<Starter> find(String query, int limit) {
        String q = fold(query == null ? "" : query.strip());
        if (q.isEmpty()) {
            return List.of();
        }
        String[] words = q.split("\\s+");
        List<Starter> matches = new ArrayList<>();
        for (int i : candidates(q, words)) {
            Starter starter = starters.get(i);
            if (q.equals(String.valueOf(starter.bib())) || allIn(names[i], words)) {
                matches.add(starter);
                if (matches.size() >= limit) {
                    break;
                }
            }
        }
        return matches;
    }

    /** In start-list order, the positions that can match: every one when no word is long enough to look up. */
    private Iterable<Integer> candidates(String q, String[] words) {
        String longest = words[0];
        for (String word : words) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        boolean number = q.length() <= 9 && q.chars().allMatch(Character::isDigit);
        TreeSet<Integer> found = new TreeSet<>();
        if (number && positions.containsKey(Integer.valueOf(q))) {
            found.add(positions.get(Integer.valueOf(q)));
        }
        if (longest.length() >= 3) {
            for (int i : holdingEveryPiece(words)) {
                found.add(i);
            }
        } else if (number) {
            found.addAll(withDigits);
        } else {
            for (int i = 0; i < names.length; i++) {
                found.add(i);
            }
        }
        return found;
    }

    /** Two searches of equal start lists find the same: snapshots computed apart from the same inputs are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StarterSearch search && starters.equals(search.starters);
    }

    @Override
    public int hashCode() {
        return starters.hashCode();
    }

    /**
     * The positions whose name holds every three-letter piece of every word of three letters or more: the lists
     * intersected, shortest first (a common surname alone lists hundreds of athletes, with a first name a few).
     */
    private int[] holdingEveryPiece(String[] words) {
        List<int[]> lists = new ArrayList<>();
        for (String word : words) {
            for (int at = 0; at + 3 <= word.length(); at++) {
                lists.add(pieces.getOrDefault(word.substring(at, at + 3), NONE));
            }
        }
        lists.sort(java.util.Comparator.comparingInt(list -> list.length));
        int[] common = lists.getFirst();
        for (int l = 1; l < lists.size() && common.length > 0; l++) {
            common = intersection(common, lists.get(l));
        }
        return common;
    }

    /** Two ascending lists' common positions, ascending. */
    private static int[] intersection(int[] a, int[] b) {
        int[] common = new int[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                common[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return java.util.Arrays.copyOf(common, n);
    }

    private static boolean allIn(String name, String[] words) {
        for (String word : words) {
            if (!name.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without accents, as names are compared. */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
