package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** {@code /api/events/ops/...}: the operators' back-office over the API (OPERATOR or ADMIN). */
@RestController
@RequestMapping("/api/events/ops")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class OperatorApiController {

    private final OperatorSearch search;
    private final OperatorDesk desk;
    private final MyEvents views;
    private final History history;

    OperatorApiController(OperatorSearch search, OperatorDesk desk, MyEvents views, History history) {
        this.search = search;
        this.desk = desk;
        this.views = views;
        this.history = history;
    }

    record RegistrationDetail(MyEvents.RegistrationView registration, List<History.Line> history) {
    }

    record RefundRequest(@NotBlank @Size(max = ChangesApiController.REQUEST_ID_MAX) String requestId,
            @NotNull @Positive @JsonDeserialize(using = dev.paddock.shared.StrictCents.class) Long amountCents,
            @NotBlank @Size(max = 500) String reason) {
    }

    record MoveRequest(@NotBlank @Size(max = ChangesApiController.REQUEST_ID_MAX) String requestId,
            @NotNull UUID toRaceId, @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping("/events")
    List<OperatorSearch.EventRow> events(@RequestParam(defaultValue = "") @Size(max = 100) String q) {
        return search.events(q);
    }

    @GetMapping("/organizers")
    List<OperatorSearch.OrganizerRow> organizers() {
        return search.organizers();
    }

    @GetMapping("/registrations")
    List<OperatorSearch.RegistrationRow> registrations(@RequestParam(defaultValue = "") @Size(max = 254) String q) {
        return search.registrations(q);
    }

    @GetMapping("/registrations/{id}")
    RegistrationDetail registration(@PathVariable UUID id) {
        return new RegistrationDetail(views.registration(id).orElseThrow(() -> Registrations.notFound(id)), history.of(id));
    }

    @PostMapping("/registrations/{id}/refund")
    Change refund(AccountId operator, @PathVariable UUID id, @Valid @RequestBody RefundRequest body,
            HttpServletRequest request) {
        return desk.refund(operator.value(), request.getRemoteAddr(), id, body.requestId(), body.amountCents(),
                body.reason().strip());
    }

    @PostMapping("/registrations/{id}/move")
    Change move(AccountId operator, @PathVariable UUID id, @Valid @RequestBody MoveRequest body,
            HttpServletRequest request) {
        return desk.move(operator.value(), request.getRemoteAddr(), id, body.requestId(), body.toRaceId(),
                body.reason().strip());
    }
}
