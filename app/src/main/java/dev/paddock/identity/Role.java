package dev.paddock.identity;

/** What an account may do. An account may hold several roles. */
public enum Role {
    CUSTOMER, ORGANIZER, PARTNER, OPERATOR, ADMIN;

    /** The authority name Spring Security checks, e.g. {@code hasRole('OPERATOR')}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
