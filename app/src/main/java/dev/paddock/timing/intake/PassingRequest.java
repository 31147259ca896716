package dev.paddock.timing.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One read as a timing line sends it.
 *
 * @param id   the line's own id of the read; sending the same id again from the same line changes nothing
 * @param line MAIN or BACKUP (MANUAL for a read entered by the timing operator)
 */
public record PassingRequest(@NotBlank @Size(max = 100) String id, @NotNull @Positive Integer bib,
        @NotBlank @Size(max = 31) String point, @NotNull Instant at, @NotNull Line line) {

    public enum Line {
        MAIN, BACKUP, MANUAL, IMPORT
    }
}
