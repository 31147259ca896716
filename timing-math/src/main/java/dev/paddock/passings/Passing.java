package dev.paddock.passings;

/**
 * One read of a chip (or a bib typed in) at a timing point, as a timing line sends it.
 *
 * @param id       the sender's id of the read, unique per line: sending it again is the same passing
 * @param bib      the athlete's bib (chips are mapped to bibs before this)
 * @param point    the timing point's code
 * @param atMillis the moment of the crossing, epoch milliseconds
 * @param line     MAIN or BACKUP: both lines read the same athletes; the first valid read wins
 */
public record Passing(String id, String bib, String point, long atMillis, Line line) {

    public enum Line {
        MAIN, BACKUP
    }

    public Passing {
        if (id == null || id.isBlank() || bib == null || bib.isBlank() || point == null || line == null) {
            throw new IllegalArgumentException("A passing has an id, a bib, a point and a line");
        }
    }
}
