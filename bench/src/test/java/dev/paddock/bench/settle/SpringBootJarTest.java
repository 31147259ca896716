package dev.paddock.bench.settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringBootJarTest {

    static final Path APP = Path.of("../app/target/paddock.jar");

    @Test
    void aJarWithoutBootInfIsRunAsGiven(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out, manifest)) {
            entries.putNextEntry(new JarEntry("dev/paddock/Some.class"));
            entries.closeEntry();
        }

        assertThat(SpringBootJar.is(jar)).isFalse();
    }

    /** Runs in {@code ./mvnw verify} (bench builds after app); skips when the jar is absent. */
    @Test
    void thePackagedAppIsExtractedToAnApplicationJarWithItsLibrariesOnTheJdksClassPath(@TempDir Path dir)
            throws Exception {
        assumeTrue(Files.isRegularFile(APP), "no packaged app at " + APP);
        assertThat(SpringBootJar.is(APP)).isTrue();

        Path application = SpringBootJar.extract(APP, dir.resolve("app"));

        assertThat(application).isEqualTo(dir.resolve("app").resolve("paddock.jar"));
        assertThat(SpringBootJar.is(application)).isFalse();
        try (JarFile jar = new JarFile(application.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("dev.paddock.PaddockApplication");
            assertThat(main.getValue(Attributes.Name.CLASS_PATH)).contains("lib/");
        }
        assertThat(dir.resolve("app").resolve("lib")).isNotEmptyDirectory();

        SpringBootJar.delete(dir.resolve("app"));
        assertThat(dir.resolve("app")).doesNotExist();
    }
}
