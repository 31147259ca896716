package dev.paddock.events.registration;

import dev.paddock.identity.AccountId;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registration API (any signed-in account; JWT). A new registration answers 201, a replay of the same
 * requestId 200 with the first answer and the header {@code Idempotent-Replayed: true}.
 */
@RestController
@RequestMapping("/api/events")
class RegistrationApiController {

    static final String REPLAYED = "Idempotent-Replayed";

    private final RegistrationDesk desk;
    private final TeamDesk teams;
    private final OfferAcceptance offers;
    private final Orders orders;

    RegistrationApiController(RegistrationDesk desk, TeamDesk teams, OfferAcceptance offers, Orders orders) {
        this.desk = desk;
        this.teams = teams;
        this.offers = offers;
        this.orders = orders;
    }

    @PostMapping("/races/{raceId}/registrations")
    ResponseEntity<RegistrationAnswer> register(AccountId account, @PathVariable UUID raceId,
            @RequestBody RegistrationRequests.Individual body) {
        return answer(desk.register(account, raceId, body));
    }

    @PostMapping("/races/{raceId}/teams")
    ResponseEntity<RegistrationAnswer> team(AccountId account, @PathVariable UUID raceId,
            @RequestBody RegistrationRequests.Team body) {
        return answer(teams.register(account, raceId, body));
    }

    @PostMapping("/teams/join")
    ResponseEntity<RegistrationAnswer> join(AccountId account, @RequestBody RegistrationRequests.Join body) {
        return answer(teams.join(account, body));
    }

    @PostMapping("/registrations/{registrationId}/accept")
    ResponseEntity<RegistrationAnswer> accept(AccountId account, @PathVariable UUID registrationId,
            @RequestBody RegistrationRequests.Accept body) {
        return answer(offers.accept(account, registrationId, body));
    }

    @GetMapping("/orders/{orderId}")
    Orders.OrderView order(AccountId account, @PathVariable UUID orderId, Authentication authentication) {
        return orders.visible(orderId, account, operator(authentication));
    }

    static boolean operator(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR") || a.getAuthority().equals("ROLE_ADMIN"));
    }

    /** The writer's queue is full or the batch is late: nothing to lose by retrying with the same requestId. */
    @ExceptionHandler(RegistrationWriter.Overloaded.class)
    ResponseEntity<ProblemDetail> overloaded(RegistrationWriter.Overloaded e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(e.type());
        body.setTitle("Overloaded");
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, "1").body(body);
    }

    private static ResponseEntity<RegistrationAnswer> answer(RegistrationAnswer answer) {
        if (answer.replayed()) {
            return ResponseEntity.ok().header(REPLAYED, "true").body(answer);
        }
        if (answer.orderId() == null) {
            return ResponseEntity.status(HttpStatus.CREATED).body(answer);
        }
        return ResponseEntity.created(URI.create(orderPath(answer.orderId()))).body(answer);
    }

    /** Where an order is read: the {@code Location} of a registration that bought one. */
    static String orderPath(UUID orderId) {
        return "/api/events/orders/" + orderId;
    }
}
