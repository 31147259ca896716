package dev.paddock.events.account;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /events/races/{raceId}/lottery}: the public record of a lottery race's draw, for anyone to check. */
@Controller
class LotteryPageController {

    private final Lottery lottery;

    LotteryPageController(Lottery lottery) {
        this.lottery = lottery;
    }

    @GetMapping("/events/races/{raceId}/lottery")
    String page(@PathVariable UUID raceId, Model model) {
        model.addAttribute("lottery", lottery.published(raceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "events/account/lottery";
    }
}
