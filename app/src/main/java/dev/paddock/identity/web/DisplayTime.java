package dev.paddock.identity.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Instants as the visitor reads them: in the platform's time zone (Paddock runs French races, so
 * Europe/Paris), in the visitor's language.
 */
record DisplayTime(DateTimeFormatter formatter) {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    static DisplayTime in(Locale locale) {
        return new DisplayTime(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZONE));
    }

    public String of(Instant instant) {
        return instant == null ? "" : formatter.format(instant);
    }
}
