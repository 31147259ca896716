package dev.paddock.events.account;

import dev.paddock.shared.PublicPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A lottery's published draw is for everyone, so anyone can check it. */
@Configuration(proxyBeanMethods = false)
class AccountPublicPaths {

    @Bean
    PublicPaths eventsAccountPaths() {
        return new PublicPaths(List.of("/events/races/*/lottery"), List.of("/api/events/races/*/lottery"));
    }
}
