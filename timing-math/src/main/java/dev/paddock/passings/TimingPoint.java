package dev.paddock.passings;

/**
 * A mat or antenna on the course.
 *
 * @param code           stable name ("start", "km5", "half", "finish", "lap")
 * @param kind           START (net time starts here), SPLIT, FINISH, or LAP (a line crossed once per lap)
 * @param distanceMetres distance from the start; for a LAP point, the length of one lap
 */
public record TimingPoint(String code, Kind kind, int distanceMetres) {

    public enum Kind {
        START, SPLIT, FINISH, LAP
    }

    public TimingPoint {
        if (code == null || !code.matches("[a-z0-9][a-z0-9_-]{0,30}") || kind == null) {
            throw new IllegalArgumentException("A timing point has a code like km5 and a kind");
        }
        if (distanceMetres < 0 || (kind == Kind.START) != (distanceMetres == 0) && kind != Kind.LAP) {
            throw new IllegalArgumentException("Only the start is at 0 m; other points are further on");
        }
        if (kind == Kind.LAP && distanceMetres <= 0) {
            throw new IllegalArgumentException("A lap has a length");
        }
    }
}
