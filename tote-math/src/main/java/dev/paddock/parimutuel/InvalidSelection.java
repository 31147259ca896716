package dev.paddock.parimutuel;

/**
 * A ticket's selection that cannot be played: {@link #field()} names the offending part ("runners",
 * "bases", "partners", "legs", "legs[2]", "formulation", "fields", "field") so that an API can point
 * at it; the message is plain English for the player.
 */
public class InvalidSelection extends RuntimeException {

    private final String field;

    public InvalidSelection(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
