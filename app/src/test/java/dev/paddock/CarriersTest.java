package dev.paddock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CarriersTest {

    @Test
    void atLeastFourCarriersUnlessTheCommandLineSaysOtherwise() {
        Properties twoCores = new Properties();
        PaddockApplication.carriers(twoCores, 2);
        assertThat(twoCores.getProperty(PaddockApplication.CARRIERS)).isEqualTo("4");

        Properties manyCores = new Properties();
        PaddockApplication.carriers(manyCores, 16);
        assertThat(manyCores.getProperty(PaddockApplication.CARRIERS)).isEqualTo("16");

        Properties set = new Properties();
        set.setProperty(PaddockApplication.CARRIERS, "3");
        PaddockApplication.carriers(set, 2);
        assertThat(set.getProperty(PaddockApplication.CARRIERS)).isEqualTo("3");
    }
}
