package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The lottery: the organizer of the event (or an operator) draws; anyone reads what was drawn and re-runs it. */
@RestController
class LotteryApiController {

    private final Lottery lottery;

    LotteryApiController(Lottery lottery) {
        this.lottery = lottery;
    }

    record DrawRequest(@NotBlank @Size(max = 200) String seed) {
    }

    @PostMapping("/api/events/organizer/races/{raceId}/lottery/draw")
    @PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
    Lottery.Published draw(AccountId account, Authentication authentication, @PathVariable UUID raceId,
            @Valid @RequestBody DrawRequest body) {
        return lottery.draw(account.value(), Roles.operator(authentication), raceId, body.seed());
    }

    @GetMapping("/api/events/races/{raceId}/lottery")
    Lottery.Published published(@PathVariable UUID raceId) {
        return lottery.published(raceId).orElseThrow(() ->
                ProblemException.of(HttpStatus.NOT_FOUND, "lottery-not-found", "No lottery race " + raceId + "."));
    }
}
