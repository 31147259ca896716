package dev.paddock.identity.web;

import dev.paddock.identity.account.PasswordPolicy;
import dev.paddock.identity.security.Passwords;
import dev.paddock.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /password/forgot} asks for a reset link; {@code /password/reset?token=} sets the new password. */
@Controller
class PasswordPagesController {

    private final Passwords passwords;

    PasswordPagesController(Passwords passwords) {
        this.passwords = passwords;
    }

    record ForgotForm(@NotBlank @Email @Size(max = 254) String email) {
    }

    record ResetForm(@NotBlank @Size(max = 200) String token, @NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String newPassword,
            @NotBlank String confirmation) {
    }

    @GetMapping("/password/forgot")
    String forgot(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "identity/password-forgot";
    }

    /** The same answer whether or not the account exists. */
    @PostMapping("/password/forgot")
    String requestReset(@Valid @ModelAttribute("form") ForgotForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            passwords.requestReset(form.email());
            model.addAttribute("sent", true);
        }
        return "identity/password-forgot";
    }

    @GetMapping("/password/reset")
    String reset(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("usable", passwords.resetTokenUsable(token));
        model.addAttribute("form", new ResetForm(token, "", ""));
        return "identity/password-reset";
    }

    @PostMapping("/password/reset")
    String setPassword(@Valid @ModelAttribute("form") ResetForm form, BindingResult errors, Model model) {
        if (!errors.hasFieldErrors("newPassword") && form.newPassword() != null
                && !form.newPassword().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "identity.error.confirmation", "The two passwords differ.");
        }
        if (!errors.hasErrors()) {
            try {
                passwords.reset(form.token(), form.newPassword());
                return "redirect:/login?reset";
            } catch (ProblemException refused) {
                FormErrors.show(refused, errors);
            }
        }
        model.addAttribute("usable", passwords.resetTokenUsable(form.token()));
        return "identity/password-reset";
    }
}
