package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The player's bets page (session login): history with status and winnings, and online cancellation. */
@Controller
class MyBetsPageController {

    static final int PAGE_SIZE = 20;

    private final Portfolio portfolio;
    private final Betting betting;
    private final Clock clock;
    private final Duration cancellationWindow;

    MyBetsPageController(Portfolio portfolio, Betting betting, Clock clock, BettingProperties properties) {
        this.portfolio = portfolio;
        this.betting = betting;
        this.clock = clock;
        this.cancellationWindow = properties.cancellationWindow();
    }

    @GetMapping("/tote/my-bets")
    String page(AccountId account, @RequestParam(defaultValue = "0") int page, Model model) {
        Portfolio.BetPage bets = portfolio.page(account, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("bets", bets);
        model.addAttribute("cancellable", portfolio.cancellable(account, bets.items(), cancellationWindow, clock.instant()));
        return "tote/betting/my-bets";
    }

    @PostMapping("/tote/my-bets/{betId}/cancellation")
    String cancel(AccountId account, @PathVariable UUID betId, RedirectAttributes redirect) {
        try {
            betting.cancel(account, betId);
            redirect.addFlashAttribute("cancelled", betId);
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/tote/my-bets";
    }
}
