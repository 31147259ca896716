package dev.paddock.wallet.web;

import dev.paddock.shared.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Amounts and times as the reader's language writes them: "€12.50" in English, "12,50 €" in French. */
final class WalletFormat {

    private static final Currency EURO = Currency.getInstance("EUR");

    private final Locale locale;
    private final DateTimeFormatter time;

    WalletFormat(Locale locale) {
        this.locale = locale;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault());
    }

    public String money(Money amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(EURO);
        return format.format(amount.toEuros());
    }

    /** With an explicit sign, for ledger lines: "+€12.50", "−€3.00". */
    public String signed(Money amount) {
        return (amount.isNegative() ? "\u2212" : "+") + money(amount.isNegative() ? amount.negate() : amount);
    }

    public String time(Instant instant) {
        return time.format(instant);
    }

    public String iso(Instant instant) {
        return instant.toString();
    }
}
