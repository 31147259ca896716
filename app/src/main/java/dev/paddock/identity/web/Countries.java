package dev.paddock.identity.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The ISO 3166-1 countries for a select box, named and sorted in the visitor's language. */
final class Countries {

    record Country(String code, String name) {
    }

    private Countries() {
    }

    static List<Country> in(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, name(code, locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    static String name(String code, Locale locale) {
        return Locale.of("", code).getDisplayCountry(locale);
    }
}
