package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/events/my/...}: the signed-in athlete's orders, registrations and friends. */
@RestController
@RequestMapping("/api/events/my")
class MyEventsApiController {

    private final MyEvents myEvents;
    private final Friends friends;

    MyEventsApiController(MyEvents myEvents, Friends friends) {
        this.myEvents = myEvents;
        this.friends = friends;
    }

    @GetMapping("/orders")
    List<MyEvents.OrderView> orders(AccountId account) {
        return myEvents.orders(account.value());
    }

    @GetMapping("/registrations")
    List<MyEvents.RegistrationView> registrations(AccountId account) {
        return myEvents.registrations(account.value());
    }

    @GetMapping("/friends")
    List<Friends.Friend> friends(AccountId account) {
        return friends.list(account.value());
    }

    record AddFriend(@NotBlank @Email @Size(max = 254) String email) {
    }

    @PostMapping("/friends")
    @ResponseStatus(HttpStatus.CREATED)
    Friends.Friend add(AccountId account, @Valid @RequestBody AddFriend body) {
        return friends.add(account.value(), body.email());
    }

    @DeleteMapping("/friends/{friendAccountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(AccountId account, @PathVariable UUID friendAccountId) {
        friends.remove(account.value(), friendAccountId);
    }

    @GetMapping("/friends/registrations")
    List<MyEvents.RegistrationView> friendsRegistrations(AccountId account) {
        return myEvents.friendsRegistrations(account.value());
    }
}
