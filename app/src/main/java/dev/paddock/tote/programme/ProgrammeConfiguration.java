package dev.paddock.tote.programme;

import dev.paddock.shared.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The programme's settings and its anonymous paths: the public programme pages and read endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgrammeProperties.class)
class ProgrammeConfiguration {

    @Bean
    PublicPaths totePublicPaths() {
        return new PublicPaths(java.util.List.of("/tote", "/tote/races/*"),
                java.util.List.of("/api/tote/programme", "/api/tote/races/*", "/api/tote/pools/*"));
    }
}
