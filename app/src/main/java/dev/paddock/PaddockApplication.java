package dev.paddock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Paddock: one application, modules as packages (see the README's architecture section). */
@SpringBootApplication
@EnableScheduling
public class PaddockApplication {

    /** The JDK property setting how many platform threads carry the virtual threads (default: one per core). */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    public static void main(String[] args) {
        carriers(System.getProperties(), Runtime.getRuntime().availableProcessors());
        SpringApplication.run(PaddockApplication.class, args);
    }

    /**
     * At least four carrier threads for the virtual threads, unless set on the command line. With one per core on
     * a 2-core machine, two request threads loading classes from the jar while pinned to both carriers waited for
     * the lock of a third that could not be mounted again, and the node stopped (seen under a rush's first page
     * renders). Must run before the first virtual thread starts.
     */
    static void carriers(java.util.Properties properties, int cores) {
        if (properties.getProperty(CARRIERS) == null) {
            properties.setProperty(CARRIERS, Integer.toString(Math.max(4, cores)));
        }
    }
}
