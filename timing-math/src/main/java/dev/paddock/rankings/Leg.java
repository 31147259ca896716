package dev.paddock.rankings;

/**
 * One leg of a relay team's race.
 *
 * @param leg       1 for the first leg
 * @param entrantId who runs it, or null when the team has no member for it
 * @param time      milliseconds from the previous handover (leg 1: the team's start) to this one, or null while
 *                  unknown: not run yet, a handover mat missed, or reads out of leg order
 * @param place     the leg's place among every team's same leg, or null while its time is unknown
 * @param tied      whether another team ran this leg in exactly the same time
 */
public record Leg(int leg, String entrantId, Long time, Integer place, boolean tied) {
}
