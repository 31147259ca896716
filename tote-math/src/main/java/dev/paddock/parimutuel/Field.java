package dev.paddock.parimutuel;

import java.util.Arrays;

/**
 * The runner numbers that may be played in one race: the declared runners minus the non-runners. Kept
 * sorted, so two fields with the same starters are equal whatever order they were given in. Big 5 takes
 * one field per leg.
 *
 * @param starters programme numbers, 1 to {@value CombinationKey#MAX_RUNNER}, distinct
 */
public record Field(int[] starters) {

    public Field {
        starters = starters.clone();
        Arrays.sort(starters);
        for (int i = 0; i < starters.length; i++) {
            int runner = starters[i];
            if (runner < 1 || runner > CombinationKey.MAX_RUNNER) {
                throw new IllegalArgumentException("runner number out of 1.." + CombinationKey.MAX_RUNNER + ": " + runner);
            }
            if (i > 0 && starters[i - 1] == runner) {
                throw new IllegalArgumentException("runner " + runner + " is listed twice in the field");
            }
        }
    }

    public static Field of(int... starters) {
        return new Field(starters);
    }

    /** A field of the runners 1..n, all starting. */
    public static Field ofRunners(int n) {
        int[] starters = new int[n];
        Arrays.setAll(starters, i -> i + 1);
        return new Field(starters);
    }

    @Override
    public int[] starters() {
        return starters.clone();
    }

    public int size() {
        return starters.length;
    }

    public boolean contains(int runner) {
        return Arrays.binarySearch(starters, runner) >= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Field field && Arrays.equals(starters, field.starters);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(starters);
    }

    @Override
    public String toString() {
        return "Field" + Arrays.toString(starters);
    }
}
