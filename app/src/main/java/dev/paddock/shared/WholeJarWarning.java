package dev.paddock.shared;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the node runs as a whole Spring Boot jar ({@code java -jar paddock.jar}) with its requests on
 * virtual threads. Spring Boot's nested-jar loader reads every class and resource through one lock per jar file. On a
 * cold node at a peak, requests loading classes pin their carrier threads while they wait for that lock. A resource
 * look-up holding it could then wait for a carrier that never came free: the node stalled for seconds, or for good
 * (session 9's rush, session 10's results warm-up; docs/performance/session10-2026-11-22.md). The production image
 * runs the jar extracted (deploy/Dockerfile), on the JDK's own class loader, and so do the benches.
 */
@Component
class WholeJarWarning {

    private static final Logger log = LoggerFactory.getLogger(WholeJarWarning.class);

    WholeJarWarning(@Value("${spring.threads.virtual.enabled:false}") boolean virtualThreads) {
        warning(WholeJarWarning.class.getClassLoader().getClass().getName(), virtualThreads).ifPresent(log::warn);
    }

    /** The warning for a node whose classes come from {@code classLoader} (its class name), if any. */
    static Optional<String> warning(String classLoader, boolean virtualThreads) {
        if (!virtualThreads || !classLoader.startsWith("org.springframework.boot.loader.")) {
            return Optional.empty();
        }
        return Optional.of("Running as a whole jar with requests on virtual threads: at a cold start under load, "
                + "Spring Boot's nested-jar loader can stall the node (its jar lock and pinned carrier threads). Run "
                + "it extracted as the image does: java -Djarmode=tools -jar paddock.jar extract --destination app, "
                + "then java -jar app/paddock.jar");
    }
}
