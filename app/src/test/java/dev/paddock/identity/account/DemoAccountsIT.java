package dev.paddock.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class DemoAccountsIT {

    @Autowired
    Registration registration;
    @Autowired
    StoredAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void createsOneAccountPerRoleOnceWithTheReadmePasswords() throws Exception {
        DemoAccounts demo = new DemoAccounts(registration, accounts);
        demo.run(null);
        demo.run(null);

        for (Role role : Role.values()) {
            String email = role.name().toLowerCase() + "@paddock.dev";
            Account account = accounts.byEmail(email).orElseThrow();
            assertThat(account.roles()).contains(role, Role.CUSTOMER);
            assertThat(passwords.matches("paddock-" + role.name().toLowerCase(), account.passwordHash())).isTrue();
        }
        assertThat(accounts.byEmail("admin@paddock.dev").orElseThrow().roles()).contains(Role.OPERATOR);
    }
}
