package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/events}: the athlete's orders, registrations with bibs and offers, and friends (session, CSRF). */
@Controller
class AccountEventsPageController {

    private final MyEvents myEvents;
    private final Friends friends;

    AccountEventsPageController(MyEvents myEvents, Friends friends) {
        this.myEvents = myEvents;
        this.friends = friends;
    }

    @GetMapping("/account/events")
    String page(AccountId account, Model model) {
        model.addAttribute("registrations", myEvents.registrations(account.value()));
        model.addAttribute("orders", myEvents.orders(account.value()));
        model.addAttribute("friends", friends.list(account.value()));
        model.addAttribute("friendsRegistrations", myEvents.friendsRegistrations(account.value()));
        return "events/account/my-events";
    }

    @PostMapping("/account/events/friends")
    String addFriend(AccountId account, @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
        try {
            if (email.isBlank()) {
                throw ProblemException.field("email", "required", "Enter the e-mail of your friend's account.");
            }
            friends.add(account.value(), email);
            redirect.addFlashAttribute("flash", "events.account.friends.added");
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/account/events#friends";
    }

    @PostMapping("/account/events/friends/{friendAccountId}/remove")
    String removeFriend(AccountId account, @PathVariable UUID friendAccountId, RedirectAttributes redirect) {
        friends.remove(account.value(), friendAccountId);
        redirect.addFlashAttribute("flash", "events.account.friends.removed");
        return "redirect:/account/events#friends";
    }
}
