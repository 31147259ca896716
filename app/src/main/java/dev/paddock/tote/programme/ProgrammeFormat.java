package dev.paddock.tote.programme;

import dev.paddock.shared.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Locale;

/** Times in the programme's time zone and amounts as the reader's language writes them. */
final class ProgrammeFormat {

    private static final Currency EURO = Currency.getInstance("EUR");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Locale locale;
    private final ZoneId zone;

    ProgrammeFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String time(Instant instant) {
        return HOUR.withZone(zone).format(instant);
    }

    public String iso(Instant instant) {
        return instant.toString();
    }

    /** For a {@code datetime-local} input, in the programme's time zone. */
    public String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    public String money(Money amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(EURO);
        return format.format(amount.toEuros());
    }

    /** Basis points as a percentage: 1390 is "13.90 %". */
    public String percent(int basisPoints) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(basisPoints / 100.0) + "\u00a0%";
    }

    public String zone() {
        return zone.getId();
    }
}
