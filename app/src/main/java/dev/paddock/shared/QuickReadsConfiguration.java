package dev.paddock.shared;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link QuickReads} first in the filter chain, before the doors ({@link Admission}), the security chain
 * and Spring MVC. {@code paddock.quick-reads.enabled=false} sends every read the usual way (to compare).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paddock.quick-reads.enabled", havingValue = "true", matchIfMissing = true)
class QuickReadsConfiguration {

    @Bean
    FilterRegistrationBean<QuickReads> quickReads(ObjectProvider<QuickRead> reads, MeterRegistry meters) {
        List<QuickRead> all = reads.orderedStream().toList();
        FilterRegistrationBean<QuickReads> registration = new FilterRegistrationBean<>(new QuickReads(all, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(!all.isEmpty());
        return registration;
    }
}
