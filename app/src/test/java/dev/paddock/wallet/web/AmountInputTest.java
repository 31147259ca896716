package dev.paddock.wallet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountInputTest {

    @ParameterizedTest
    @CsvSource({"12.50, 1250", "'12,50', 1250", "12, 1200", "0.01, 1", "' 7.5 ', 750", "'1 000', 100000",
            "9999999.99, 999999999"})
    void readsEurosWithADotOrAComma(String input, long cents) {
        assertThat(AmountInput.parse(input)).isEqualTo(Money.ofCents(cents));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "abc", "12.345", "1,250.00", "-3", "0", "0.00", "1e3", "12.", ".5", "€12"})
    void refusesAnythingElseOnTheAmountField(String input) {
        assertThatThrownBy(() -> AmountInput.parse(input)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.fieldProblems().getFirst().field()).isEqualTo("amount"));
    }

    @ParameterizedTest
    @CsvSource({"en, 1250, €12.50, +€12.50", "en, -300, -€3.00, −€3.00", "fr, 1250, '12,50 €', '+12,50 €'",
            "fr, 123450, '1 234,50 €', '+1 234,50 €'"})
    void formatsAmountsForTheReader(String language, long cents, String plain, String signed) {
        WalletFormat format = new WalletFormat(Locale.of(language));

        assertThat(spaces(format.money(Money.ofCents(cents)))).isEqualTo(plain);
        assertThat(spaces(format.signed(Money.ofCents(cents)))).isEqualTo(signed);
    }

    // The JDK writes French amounts with no-break spaces.
    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
