package dev.paddock.rankings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Race times in milliseconds, as timing systems record them, and their display. Ranking always uses the
 * recorded milliseconds; only display rounds. Road races show whole seconds rounded up (World Athletics:
 * a time not ending in zero is recorded to the next longer second), track and swim results may show tenths
 * or hundredths, rounded up too.
 */
public final class RaceTime {

    private static final Pattern TIME = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?");

    public enum Precision {
        SECONDS(1000), TENTHS(100), HUNDREDTHS(10);

        private final long unit;

        Precision(long unit) {
            this.unit = unit;
        }
    }

    private RaceTime() {
    }

    /** Reads "2:09:17", "02:09:17.4", "59:58" or "1:04:02,35"; throws for anything else. */
    public static long parse(String text) {
        Matcher m = text == null ? null : TIME.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("Not a race time: " + text);
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        long seconds = Long.parseLong(m.group(3));
        if (minutes > 59 && m.group(1) != null || seconds > 59) {
            throw new IllegalArgumentException("Not a race time: " + text);
        }
        long millis = 0;
        if (m.group(4) != null) {
            String fraction = (m.group(4) + "00").substring(0, 3);
            millis = Long.parseLong(fraction);
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    }

    /** "2:09:17" (hours shown when there are any), "59:58", or with tenths/hundredths "9:58.43"; rounded up. */
    public static String format(long millis, Precision precision) {
        if (millis < 0) {
            throw new IllegalArgumentException("A race time is not negative");
        }
        long units = Math.ceilDiv(millis, precision.unit);
        long perSecond = 1000 / precision.unit;
        long totalSeconds = units / perSecond;
        long fraction = units % perSecond;
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds / 60 % 60;
        long seconds = totalSeconds % 60;
        // by hand rather than String.format: results pages and their JSON format several times per row, per request
        StringBuilder shown = new StringBuilder(12);
        if (hours > 0) {
            shown.append(hours).append(':');
            twoDigits(shown, minutes);
        } else {
            shown.append(minutes);
        }
        twoDigits(shown.append(':'), seconds);
        return switch (precision) {
            case SECONDS -> shown.toString();
            case TENTHS -> shown.append('.').append(fraction).toString();
            case HUNDREDTHS -> twoDigits(shown.append('.'), fraction).toString();
        };
    }

    private static StringBuilder twoDigits(StringBuilder text, long value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Minutes and seconds per kilometre ("4:56"), from a time and a distance; rounded up to the second. */
    public static String pacePerKm(long millis, int distanceMetres) {
        if (distanceMetres <= 0) {
            throw new IllegalArgumentException("A distance is positive");
        }
        long perKm = Math.ceilDiv(millis * 1000, distanceMetres);
        return format(perKm, Precision.SECONDS);
    }
}
