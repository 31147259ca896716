package dev.paddock.events.organizer;

import java.util.regex.Pattern;

/**
 * Keeps athletes' text from running as a spreadsheet formula when an organizer opens the CSV (CSV
 * injection, OWASP): a cell starting with {@code = @}, a tab or a carriage return, or with {@code + -}
 * not followed by a plain number or phone number, gets a leading apostrophe, which spreadsheets show as
 * text. Phone numbers ({@code +41 79 123 45 67}) and negative numbers stay as they are.
 */
final class CsvCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-][0-9][0-9 ().-]*");

    private CsvCells() {
    }

    static String safe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !PLAIN_NUMBER.matcher(cell).matches());
        return formula ? "'" + cell : cell;
    }
}
