package dev.paddock.passings;

/**
 * A part of a multi-sport course between two timing points: swim from the start to T1 in, T1 from T1 in to T1
 * out, bike, T2, run to the finish.
 *
 * @param from the point it starts at (a START point: the athlete's start on the clock)
 * @param to   the point it ends at (the FINISH point: the finish)
 * @param kind DISCIPLINE (swim, bike, run) or TRANSITION (T1, T2)
 */
public record Segment(String code, String from, String to, Kind kind) {

    public enum Kind {
        DISCIPLINE, TRANSITION
    }

    public Segment {
        if (code == null || !code.matches("[a-z0-9][a-z0-9_-]{0,30}") || from == null || to == null || kind == null) {
            throw new IllegalArgumentException("A segment has a code like bike, two points and a kind");
        }
    }
}
