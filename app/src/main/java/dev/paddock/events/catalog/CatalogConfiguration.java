package dev.paddock.events.catalog;

import dev.paddock.shared.Admission;
import dev.paddock.shared.PublicPaths;
import dev.paddock.shared.QuickRead;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's settings and anonymous paths: the catalogue, event pages and participant lists. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogSettings.class)
class CatalogConfiguration {

    /** The catalogue's public reads: the catalogue, an event, its participant list, as pages and as JSON. */
    static final Pattern PUBLIC_READS = Pattern.compile("/(api/)?events(/[^/]+(/participants)?)?");

    @Bean
    FilterRegistrationBean<Admission> catalogAdmission(CatalogSettings settings, MeterRegistry meters) {
        Admission admission = new Admission(request -> "GET".equals(request.getMethod())
                && PUBLIC_READS.matcher(request.getRequestURI()).matches(), settings.catalog().maxInFlight(),
                "paddock.events.catalog.shed", "Too many pages are being served right now; retry in a moment.", meters);
        FilterRegistrationBean<Admission> registration = new FilterRegistrationBean<>(admission);
        registration.addUrlPatterns("/events", "/events/*", "/api/events", "/api/events/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    QuickRead catalogApiQuickRead(CatalogQuickRead reads) {
        return QuickRead.of("/api/events/", reads::json);
    }

    @Bean
    QuickRead catalogPagesQuickRead(CatalogQuickRead reads) {
        return QuickRead.of("/events", reads::page);
    }

    @Bean
    PublicPaths eventsCatalogPublicPaths() {
        return new PublicPaths(List.of("/events", "/events/" + Slugs.SEGMENT, "/events/" + Slugs.SEGMENT + "/participants"),
                List.of("/api/events", "/api/events/*", "/api/events/*/participants"));
    }
}
