package dev.paddock.wallet.api;

import dev.paddock.shared.StrictCents;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import tools.jackson.databind.annotation.JsonDeserialize;

/** {@code {"amount": 5000}}: a positive integer of euro cents. */
record AmountRequest(@NotNull @Positive @JsonDeserialize(using = StrictCents.class) Long amount) {
}
