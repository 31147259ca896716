package dev.paddock.tote.results;

import dev.paddock.shared.PublicPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

    @Bean
    PublicPaths resultsPublicPaths() {
        // the dividends slot of the result page is public too, whoever fills it: never a login page in the slot
        return new PublicPaths(List.of("/tote/races/*/result", "/tote/races/*/result/arrival", "/tote/races/*/dividends"),
                List.of("/api/tote/races/*/result"));
    }
}
