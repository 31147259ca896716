package dev.paddock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Paddock: one application, modules as packages (see the README's architecture section). */
@SpringBootApplication
@EnableScheduling
public class PaddockApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaddockApplication.class, args);
    }
}
