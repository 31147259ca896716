package dev.paddock.identity.account;

import dev.paddock.shared.ProblemException;

/**
 * Length is what makes a password strong (NIST SP 800-63B): 10 to 128 characters, any characters, and
 * not the e-mail address itself. No composition rules, which only make people write passwords down.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** @param field the name of the password field as the client sent it */
    public static void check(String password, String email, String field) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw ProblemException.field(field, "size",
                    "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        if (Emails.normalise(password).equals(Emails.normalise(email))) {
            throw ProblemException.field(field, "equals-email", "The password must not be your e-mail address.");
        }
    }
}
