package dev.paddock.events.catalog;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** How catalogue pages write dates, times, distances and prices, in the visitor's language and the event's zone. */
public record CatalogFormat(Locale locale, ZoneId zone) {

    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public String dateTime(Instant at) {
        return at.atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale));
    }

    /** For {@code datetime-local} inputs, in the event's zone. */
    public String local(Instant at) {
        return at == null ? "" : at.atZone(zone).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    public String iso(Instant at) {
        return at.toString();
    }

    /** "42.195 km", "10 km", "800 m". */
    public String distance(int meters) {
        if (meters < 1000) {
            return meters + " m";
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(3);
        return number.format(meters / 1000.0) + " km";
    }

    public String price(Long cents) {
        if (cents == null) {
            return "";
        }
        NumberFormat money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(Currency.getInstance("EUR"));
        return money.format(cents / 100.0);
    }
}
