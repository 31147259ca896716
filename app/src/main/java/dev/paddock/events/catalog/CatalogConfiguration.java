package dev.paddock.events.catalog;

import dev.paddock.shared.PublicPaths;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's settings and anonymous paths: the catalogue, event pages and participant lists. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogSettings.class)
class CatalogConfiguration {

    @Bean
    PublicPaths eventsCatalogPublicPaths() {
        return new PublicPaths(List.of("/events", "/events/" + Slugs.SEGMENT, "/events/" + Slugs.SEGMENT + "/participants"),
                List.of("/api/events", "/api/events/*", "/api/events/*/participants"));
    }
}
