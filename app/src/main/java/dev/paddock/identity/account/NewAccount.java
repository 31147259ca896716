package dev.paddock.identity.account;

import java.time.LocalDate;

/** What a visitor gives to sign up. */
public record NewAccount(String email, String password, String displayName, LocalDate dateOfBirth,
        String countryOfResidence) {
}
