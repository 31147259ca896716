package dev.paddock.identity.web;

import dev.paddock.identity.account.NewAccount;
import dev.paddock.identity.account.PasswordPolicy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The sign-up form and the body of {@code POST /api/accounts}. */
record SignUpForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
        @NotBlank @Size(max = 60) String displayName,
        @NotNull @Past @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR")
        String countryOfResidence) {

    static SignUpForm empty() {
        return new SignUpForm("", "", "", null, "FR");
    }

    NewAccount toNewAccount() {
        return new NewAccount(email, password, displayName, dateOfBirth, countryOfResidence);
    }
}
