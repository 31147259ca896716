package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvCellsTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("LC Zürich", "LC Zürich"),
                Arguments.of("+41 79 123 45 67", "+41 79 123 45 67"),
                Arguments.of("-12.5", "-12.5"),
                Arguments.of("+1 (555) 010-999", "+1 (555) 010-999"),
                Arguments.of("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
                Arguments.of("@SUM(A1)", "'@SUM(A1)"),
                Arguments.of("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
                Arguments.of("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
                Arguments.of("\t=1", "'\t=1"),
                Arguments.of("\r=1", "'\r=1"),
                Arguments.of("-", "'-"),
                Arguments.of("a=b", "a=b"));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void formulasBecomeText(String cell, String written) {
        assertThat(CsvCells.safe(cell)).isEqualTo(written);
    }
}
