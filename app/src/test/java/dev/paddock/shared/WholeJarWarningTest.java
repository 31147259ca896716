package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeJarWarningTest {

    private static final String NESTED = "org.springframework.boot.loader.launch.LaunchedClassLoader";
    private static final String JDK = "jdk.internal.loader.ClassLoaders$AppClassLoader";

    @Test
    void aWholeJarWithVirtualThreadsIsWarnedOfAndToldHowToRunExtracted() {
        assertThat(WholeJarWarning.warning(NESTED, true)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("whole jar", "virtual threads", "java -Djarmode=tools -jar paddock.jar extract"));
    }

    @Test
    void anExtractedJarOrPlatformThreadsAreNotWarnedOf() {
        assertThat(WholeJarWarning.warning(JDK, true)).isEmpty();
        assertThat(WholeJarWarning.warning(NESTED, false)).isEmpty();
    }
}
