package dev.paddock.events.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.events.rules.AgeCategories.Basis;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeCategoriesTest {

    static final LocalDate RACE_DAY = LocalDate.of(2027, 4, 25);

    @ParameterizedTest(name = "{0} born {1}, {2}: {3}")
    @CsvSource({
            "M, 1987-04-25, AGE_ON_RACE_DAY, M40",
            "M, 1987-04-26, AGE_ON_RACE_DAY, M30",
            "M, 1987-12-31, BIRTH_YEAR,      M40",
            "F, 2008-01-01, AGE_ON_RACE_DAY, W-U20",
            "F, 2007-04-25, AGE_ON_RACE_DAY, W20",
            "F, 1950-06-01, AGE_ON_RACE_DAY, W70",
            "X, 1990-01-01, AGE_ON_RACE_DAY, X30",
    })
    void theStandardBandsFollowTheBasis(String gender, LocalDate born, Basis basis, String expected) {
        assertThat(AgeCategories.of(AgeCategories.standard(), gender, born, RACE_DAY, basis))
                .map(AgeCategory::code).contains(expected);
    }

    @Test
    void theFirstCategoryThatHoldsTheAthleteWins() {
        List<AgeCategory> categories = List.of(new AgeCategory("Elite", null, 18, 34),
                new AgeCategory("Open", null, 0, null));
        assertThat(AgeCategories.of(categories, "F", LocalDate.of(2000, 1, 1), RACE_DAY, Basis.BIRTH_YEAR))
                .map(AgeCategory::code).contains("Elite");
        assertThat(AgeCategories.of(categories, "M", LocalDate.of(1980, 1, 1), RACE_DAY, Basis.BIRTH_YEAR))
                .map(AgeCategory::code).contains("Open");
    }

    @Test
    void anAthleteNoCategoryHoldsHasNone() {
        List<AgeCategory> women = List.of(new AgeCategory("W", "F", 0, null));
        assertThat(AgeCategories.of(women, "M", LocalDate.of(1980, 1, 1), RACE_DAY, Basis.AGE_ON_RACE_DAY)).isEmpty();
    }

    @Test
    void aLeapDayBirthdayComesOfAgeOnTheFirstOfMarch() {
        LocalDate born = LocalDate.of(2008, 2, 29);
        assertThat(AgeCategories.age(born, LocalDate.of(2027, 2, 28), Basis.AGE_ON_RACE_DAY)).isEqualTo(18);
        assertThat(AgeCategories.age(born, LocalDate.of(2026, 2, 28), Basis.AGE_ON_RACE_DAY)).isEqualTo(17);
        assertThat(AgeCategories.age(born, LocalDate.of(2026, 3, 1), Basis.AGE_ON_RACE_DAY)).isEqualTo(18);
    }

    @Test
    void aCategoryNeedsSensibleAges() {
        assertThatThrownBy(() -> new AgeCategory("M40", "M", 49, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgeCategory("M40", "Q", 40, 49)).isInstanceOf(IllegalArgumentException.class);
    }
}
