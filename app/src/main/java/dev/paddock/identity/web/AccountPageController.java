package dev.paddock.identity.web;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.AccountProblems;
import dev.paddock.identity.account.GamblingLimits;
import dev.paddock.identity.account.IdentityProperties;
import dev.paddock.identity.account.ResponsibleGambling;
import dev.paddock.identity.account.StoredAccounts;
import dev.paddock.identity.account.PasswordPolicy;
import dev.paddock.identity.security.Passwords;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account}: profile and roles, responsible-gambling settings, password change. */
@Controller
class AccountPageController {

    /** The self-exclusion lengths offered, in days; the API accepts any end date. */
    static final List<Integer> EXCLUSION_DAYS = List.of(1, 7, 30, 90, 180, 365, 1095);

    private final StoredAccounts accounts;
    private final ResponsibleGambling gambling;
    private final Passwords passwords;
    private final IdentityProperties properties;
    private final Clock clock;

    AccountPageController(StoredAccounts accounts, ResponsibleGambling gambling, Passwords passwords,
            IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.gambling = gambling;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Weekly limit in euros with at most two decimals; blank for no limit. */
    record LimitForm(@Pattern(regexp = "\\s*(\\d{1,7}([.,]\\d{1,2})?)?\\s*") String weeklyStakeLimit) {
    }

    record ExclusionForm(@NotNull @Min(1) @Max(3653) Integer days, @AssertTrue boolean confirm) {
    }

    record PasswordForm(@NotBlank String currentPassword, @NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String newPassword,
            @NotBlank String confirmation) {
    }

    @GetMapping("/account")
    String page(AccountId id, Model model, Locale locale) {
        return render(id, model, locale);
    }

    @PostMapping("/account/limit")
    String limit(AccountId id, @Valid @ModelAttribute("limitForm") LimitForm form, BindingResult errors, Model model,
            Locale locale, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                String euros = form.weeklyStakeLimit() == null ? "" : form.weeklyStakeLimit().strip().replace(',', '.');
                GamblingLimits after = gambling.changeLimit(id, euros.isEmpty() ? null : Money.parse(euros));
                redirect.addFlashAttribute("flash", after.pendingChange() ? "account.limit.pending" : "account.limit.saved");
                return "redirect:/account";
            } catch (ProblemException refused) {
                FormErrors.show(refused, errors);
            }
        }
        return render(id, model, locale);
    }

    @PostMapping("/account/self-exclusion")
    String exclude(AccountId id, @Valid @ModelAttribute("exclusionForm") ExclusionForm form, BindingResult errors,
            Model model, Locale locale, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                gambling.excludeUntil(id, clock.instant().plus(Duration.ofDays(form.days())));
                redirect.addFlashAttribute("flash", "account.exclusion.saved");
                return "redirect:/account";
            } catch (ProblemException refused) {
                FormErrors.show(refused, errors);
            }
        }
        return render(id, model, locale);
    }

    @PostMapping("/account/password")
    String password(AccountId id, @Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
            Model model, Locale locale, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && form.newPassword() != null
                && !form.newPassword().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "identity.error.confirmation", "The two passwords differ.");
        }
        if (!errors.hasErrors()) {
            try {
                passwords.change(id, form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("flash", "account.password.saved");
                return "redirect:/account";
            } catch (ProblemException refused) {
                FormErrors.show(refused, errors);
            }
        }
        return render(id, model, locale);
    }

    private String render(AccountId id, Model model, Locale locale) {
        Account account = accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id));
        GamblingLimits limits = account.limits().settledAt(clock.instant());
        model.addAttribute("account", account);
        model.addAttribute("country", Countries.name(account.countryOfResidence(), locale));
        model.addAttribute("limits", limits);
        model.addAttribute("excluded", limits.selfExcludedAt(clock.instant()));
        model.addAttribute("time", DisplayTime.in(locale));
        model.addAttribute("exclusionDays", EXCLUSION_DAYS);
        model.addAttribute("coolingOffDays", properties.stakeLimitCoolingOff().toDays());
        if (!model.containsAttribute("limitForm")) {
            model.addAttribute("limitForm", new LimitForm(limits.weeklyStakeLimit() == null ? ""
                    : limits.weeklyStakeLimit().toEuros().toPlainString()));
        }
        if (!model.containsAttribute("exclusionForm")) {
            model.addAttribute("exclusionForm", new ExclusionForm(7, false));
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        }
        return "identity/account";
    }
}
