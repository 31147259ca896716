package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/events/registrations/{id}/...}: the athlete (or whoever registered them) transfers, hands over or
 * cancels a registration, and reads its history. Each change carries the client's {@code requestId}: sending the same
 * again returns the change already made.
 */
@RestController
@RequestMapping("/api/events/registrations/{id}")
class ChangesApiController {

    static final int REQUEST_ID_MAX = 64;

    private final Cancellation cancellation;
    private final Transfer transfer;
    private final Handover handover;
    private final Registrations registrations;
    private final History history;

    ChangesApiController(Cancellation cancellation, Transfer transfer, Handover handover, Registrations registrations,
            History history) {
        this.cancellation = cancellation;
        this.transfer = transfer;
        this.handover = handover;
        this.registrations = registrations;
        this.history = history;
    }

    record CancelRequest(@NotBlank @Size(max = REQUEST_ID_MAX) String requestId) {
    }

    record TransferRequest(@NotBlank @Size(max = REQUEST_ID_MAX) String requestId, @NotNull UUID toRaceId,
            JsonNode answers, Payments.Method payment) {
    }

    record HandoverRequest(@NotBlank @Size(max = REQUEST_ID_MAX) String requestId, @NotNull @Valid Athlete athlete,
            JsonNode answers, Payments.Method payment) {
    }

    @PostMapping("/cancel")
    Change cancel(AccountId account, @PathVariable UUID id, @Valid @RequestBody CancelRequest body) {
        return cancellation.cancel(account.value(), id, body.requestId());
    }

    @PostMapping("/transfer")
    Change transfer(AccountId account, @PathVariable UUID id, @Valid @RequestBody TransferRequest body) {
        if (body.answers() != null && !body.answers().isObject()) {
            throw ProblemException.field("answers", "object", "answers is a JSON object keyed by field.");
        }
        return transfer.transfer(account.value(), id, body.requestId(), body.toRaceId(), body.answers(),
                method(body.payment()));
    }

    @PostMapping("/handover")
    Change handover(AccountId account, @PathVariable UUID id, @Valid @RequestBody HandoverRequest body) {
        if (body.answers() != null && !body.answers().isObject()) {
            throw ProblemException.field("answers", "object", "answers is a JSON object keyed by field.");
        }
        return handover.handOver(account.value(), id, body.requestId(), body.athlete(), body.answers(),
                method(body.payment()));
    }

    @GetMapping("/history")
    List<History.Line> history(AccountId account, @PathVariable UUID id) {
        registrations.find(id).filter(r -> r.belongsTo(account.value()))
                .orElseThrow(() -> Registrations.notFound(id));
        return history.of(id);
    }

    static Payments.Method method(Payments.Method payment) {
        return payment == null ? Payments.Method.WALLET : payment;
    }
}
