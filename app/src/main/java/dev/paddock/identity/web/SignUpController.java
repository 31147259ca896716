package dev.paddock.identity.web;

import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.Registration;
import dev.paddock.identity.security.SessionLogin;
import dev.paddock.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /signup}: create an account, be signed in at once, land on the wallet. */
@Controller
class SignUpController {

    private final Registration registration;
    private final SessionLogin sessionLogin;

    SignUpController(Registration registration, SessionLogin sessionLogin) {
        this.registration = registration;
        this.sessionLogin = sessionLogin;
    }

    @GetMapping("/signup")
    String form(Model model, Locale locale) {
        model.addAttribute("form", SignUpForm.empty());
        model.addAttribute("countries", Countries.in(locale));
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                Account account = registration.register(form.toNewAccount());
                sessionLogin.signIn(account, request, response);
                return "redirect:/wallet";
            } catch (ProblemException refused) {
                FormErrors.show(refused, errors);
            }
        }
        model.addAttribute("countries", Countries.in(locale));
        return "identity/signup";
    }
}
