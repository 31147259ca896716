package dev.paddock.events.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The fixed fields of the person a place is handed to, as the contract names them ({@code athlete.birthDate}...). */
record Athlete(@NotBlank @Size(max = 60) String firstName, @NotBlank @Size(max = 60) String lastName,
        @NotNull @Pattern(regexp = "[FMX]") String gender, @NotNull @Past LocalDate birthDate,
        @NotNull @Pattern(regexp = "[A-Z]{2}") String nationality,
        @NotBlank @Email @Size(min = 3, max = 254) String email) {

    Athlete {
        firstName = firstName == null ? null : firstName.strip();
        lastName = lastName == null ? null : lastName.strip();
        email = email == null ? null : email.strip();
    }
}
