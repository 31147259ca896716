package dev.paddock.identity.web;

import dev.paddock.shared.PublicPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityPublicPaths {

    @Bean
    PublicPaths identityPaths() {
        return new PublicPaths(List.of("/signup", "/login", "/password/**"), List.of("/api/accounts", "/api/auth/**"));
    }
}
