package dev.paddock.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login}: the form that Spring Security's form login posts from. */
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }
}
