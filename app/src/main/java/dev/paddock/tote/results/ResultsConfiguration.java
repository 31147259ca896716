package dev.paddock.tote.results;

import dev.paddock.shared.PublicPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

    @Bean
    PublicPaths resultsPublicPaths() {
        return new PublicPaths(List.of("/tote/races/*/result", "/tote/races/*/result/arrival"),
                List.of("/api/tote/races/*/result"));
    }
}
