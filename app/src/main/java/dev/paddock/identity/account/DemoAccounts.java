package dev.paddock.identity.account;

import dev.paddock.identity.Role;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One account per role, with the passwords the README lists, created at start-up if missing. Runs first
 * ({@code @Order(0)}) so other modules' demo data can refer to these accounts.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("paddock.demo-data")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Demo(String email, String password, String displayName, Set<Role> roles) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("customer@paddock.dev", "paddock-customer", "Camille Customer", EnumSet.of(Role.CUSTOMER)),
            new Demo("organizer@paddock.dev", "paddock-organizer", "Olivier Organizer",
                    EnumSet.of(Role.CUSTOMER, Role.ORGANIZER)),
            new Demo("partner@paddock.dev", "paddock-partner", "Pauline Partner", EnumSet.of(Role.CUSTOMER, Role.PARTNER)),
            new Demo("operator@paddock.dev", "paddock-operator", "Oscar Operator",
                    EnumSet.of(Role.CUSTOMER, Role.OPERATOR)),
            new Demo("admin@paddock.dev", "paddock-admin", "Adèle Admin",
                    EnumSet.of(Role.CUSTOMER, Role.OPERATOR, Role.ADMIN)));

    private final Registration registration;
    private final StoredAccounts accounts;

    DemoAccounts(Registration registration, StoredAccounts accounts) {
        this.registration = registration;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Demo demo : ACCOUNTS) {
            if (!accounts.emailTaken(demo.email())) {
                registration.register(new NewAccount(demo.email(), demo.password(), demo.displayName(),
                        LocalDate.of(1990, 1, 1), "FR"), demo.roles());
                log.info("Demo account {} created", demo.email());
            }
        }
    }
}
