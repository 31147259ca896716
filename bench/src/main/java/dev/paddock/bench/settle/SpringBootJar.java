package dev.paddock.bench.settle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A Spring Boot jar extracted as the production image extracts it (deploy/Dockerfile): {@code java -Djarmode=tools -jar
 * paddock.jar extract --destination DIR} writes DIR/paddock.jar, the application's own classes with a manifest class path
 * of DIR/lib/*.jar, which the JDK's application class loader reads, without Spring Boot's nested-jar loader.
 */
final class SpringBootJar {

    private SpringBootJar() {
    }

    /** Whether the jar is a Spring Boot executable jar (its classes under BOOT-INF/), which {@link #extract} takes. */
    static boolean is(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/classes/") != null || file.getEntry("BOOT-INF/lib/") != null;
        }
    }

    /** Extracts the jar into {@code into} (empty or absent) and returns the application jar to run with {@code -jar}. */
    static Path extract(Path jar, Path into) throws IOException, InterruptedException {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Djarmode=tools",
                "-jar", jar.toString(), "extract", "--destination", into.toString(), "--force");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Could not extract " + jar + ": " + output);
        }
        Path application = into.resolve(jar.getFileName());
        if (!Files.isRegularFile(application)) {
            throw new IllegalStateException("Extracting " + jar + " wrote no " + application + ": " + output);
        }
        return application;
    }

    /** Deletes an extracted layout. */
    static void delete(Path extracted) {
        try (Stream<Path> files = Files.walk(extracted)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
