package dev.paddock.timing;

import dev.paddock.shared.PublicPaths;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Results are public; everything else of timing needs an operator. */
@Configuration(proxyBeanMethods = false)
class TimingConfiguration {

    @Bean
    PublicPaths timingPublicPaths() {
        return new PublicPaths(List.of("/results/**"), List.of("/api/results/races/**"));
    }
}
