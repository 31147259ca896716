package dev.paddock.wallet.web;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.PaymentDeclined;
import dev.paddock.wallet.Wallets;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /wallet}: the balance, deposit and withdrawal forms and the ledger history. With htmx a form
 * post answers with the form and, out of band, the refreshed summary; without JavaScript it renders the whole page again.
 */
@Controller
class WalletPageController {

    static final int HISTORY_SIZE = 20;
    private static final String DEPOSIT = "deposit";
    private static final String WITHDRAWAL = "withdrawal";

    private final Wallets wallets;
    private final MessageSource messages;

    WalletPageController(Wallets wallets, MessageSource messages) {
        this.wallets = wallets;
        this.messages = messages;
    }

    @GetMapping("/wallet")
    String page(AccountId account, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        summary(account, page, locale, model, false);
        model.addAttribute("depositForm", MovementForm.fresh(DEPOSIT));
        model.addAttribute("withdrawalForm", MovementForm.fresh(WITHDRAWAL));
        return "wallet/page";
    }

    /** The balance alone, re-fetched by the page on a live event. */
    @GetMapping("/wallet/balance")
    String balance(AccountId account, Locale locale, Model model) {
        summary(account, 0, locale, model, false);
        return "wallet/fragments :: balance";
    }

    /** One page of the history, re-fetched by the page on a live event or when paging. */
    @GetMapping("/wallet/history")
    String history(AccountId account, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        summary(account, page, locale, model, false);
        return "wallet/fragments :: history";
    }

    @PostMapping("/wallet/deposits")
    String deposit(AccountId account, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String idempotencyKey,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        return submit(MovementForm.fresh(DEPOSIT), account, amount, idempotencyKey, htmx != null, locale, model,
                (money, key) -> wallets.deposit(account, money, key));
    }

    @PostMapping("/wallet/withdrawals")
    String withdraw(AccountId account, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String idempotencyKey,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        return submit(MovementForm.fresh(WITHDRAWAL), account, amount, idempotencyKey, htmx != null, locale, model,
                (money, key) -> wallets.withdraw(account, money, key));
    }

    private String submit(MovementForm form, AccountId account, String amount, String idempotencyKey, boolean htmx,
            Locale locale, Model model, BiFunction<Money, IdempotencyKey, ?> operation) {
        WalletFormat fmt = new WalletFormat(locale);
        MovementForm result;
        try {
            Money money = AmountInput.parse(amount);
            operation.apply(money, IdempotencyKey.fromCustomer(account, "web:" + key(idempotencyKey)));
            result = form.completed(messages.getMessage("wallet." + form.kind() + ".done",
                    new Object[] {fmt.money(money)}, locale));
        } catch (ProblemException e) {
            result = form.rejected(amount, message(e, locale));
        }
        if (!htmx) {
            page(account, 0, locale, model);
            model.addAttribute(form.kind() + "Form", result);
            return "wallet/page";
        }
        summary(account, 0, locale, model, true);
        model.addAttribute("form", result);
        return "wallet/posted";
    }

    private void summary(AccountId account, int page, Locale locale, Model model, boolean outOfBand) {
        model.addAttribute("wallet", wallets.wallet(account));
        model.addAttribute("history", wallets.entries(account, Math.max(0, page), HISTORY_SIZE));
        model.addAttribute("fmt", new WalletFormat(locale));
        model.addAttribute("oob", outOfBand);
    }

    /** The form's own key; a form posted without one (a hand-made request) still moves money at most once per post. */
    private static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            return UUID.randomUUID().toString();
        }
        return idempotencyKey;
    }

    private String message(ProblemException e, Locale locale) {
        String code = e.fieldProblems().isEmpty() ? "wallet.error." + e.slug()
                : "wallet.error.amount." + e.fieldProblems().getFirst().code();
        Object argument = e instanceof PaymentDeclined declined ? declined.reason() : e.getMessage();
        return messages.getMessage(code, new Object[] {argument}, e.getMessage(), locale);
    }
}
