package dev.paddock;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build on a dependency cycle between modules or on a module reaching into another's internals. */
class ModuleStructureTest {

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(PaddockApplication.class).verify();
    }
}
