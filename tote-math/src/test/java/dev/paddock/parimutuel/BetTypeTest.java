package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BetTypeTest {

    @Test
    void onlyBig5SpansSeveralRaces() {
        for (BetType type : BetType.values()) {
            assertThat(type.multiRace()).isEqualTo(type == BetType.BIG5);
        }
        assertThat(BetType.BIG5.legs()).isEqualTo(5);
    }
}
