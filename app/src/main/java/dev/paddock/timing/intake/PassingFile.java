package dev.paddock.timing.intake;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Startlists;
import dev.paddock.shared.ProblemException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a timing system's CSV export: a header row, then one read per row, comma or semicolon separated.
 * Columns: {@code bib}, {@code point}, {@code time} (an ISO-8601 instant, or a time of day such as
 * {@code 09:31:05.12} on the race's day in the event's time zone), and optionally {@code line} (MAIN,
 * BACKUP; default IMPORT) and {@code id} (the system's read id; default: a digest of the row, so importing
 * the same file twice changes nothing).
 */
@Component
class PassingFile {

    static final int MAX_ROWS = 50_000;

    private final Startlists startlists;

    PassingFile(Startlists startlists) {
        this.startlists = startlists;
    }

    List<PassingRequest> read(UUID raceId, String csv) {
        StartlistRace race = startlists.race(raceId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "not-found", "No such race"));
        ZoneId zone = ZoneId.of(race.zone());
        LocalDate day = race.startsAt().atZone(zone).toLocalDate();
        char delimiter = firstLine(csv).contains(";") ? ';' : ',';
        List<CSVRecord> records;
        try {
            records = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.field("file", "csv", "Not a readable CSV file: " + e.getMessage());
        }
        if (records.isEmpty() || records.size() > MAX_ROWS) {
            throw ProblemException.field("file", "rows", "A file has 1 to " + MAX_ROWS + " reads");
        }
        for (String column : List.of("bib", "point", "time")) {
            if (!records.getFirst().isMapped(column)) {
                throw ProblemException.field("file", "columns", "The header needs the columns bib, point and time");
            }
        }
        List<PassingRequest> reads = new ArrayList<>(records.size());
        for (CSVRecord record : records) {
            reads.add(read(record, zone, day));
        }
        return reads;
    }

    private static PassingRequest read(CSVRecord record, ZoneId zone, LocalDate day) {
        String where = "row " + record.getRecordNumber();
        int bib;
        try {
            bib = Integer.parseInt(record.get("bib"));
        } catch (NumberFormatException e) {
            throw ProblemException.field(where + ".bib", "number", "A bib is a whole number: " + record.get("bib"));
        }
        if (bib <= 0) {
            throw ProblemException.field(where + ".bib", "number", "A bib is positive");
        }
        String point = record.get("point");
        if (point.isBlank() || point.length() > 31) {
            throw ProblemException.field(where + ".point", "size", "A point code has 1 to 31 characters");
        }
        Instant at = instant(record.get("time"), zone, day, where);
        PassingRequest.Line line = PassingRequest.Line.IMPORT;
        if (record.isMapped("line") && !record.get("line").isBlank()) {
            try {
                line = PassingRequest.Line.valueOf(record.get("line").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.field(where + ".line", "line", "A line is MAIN, BACKUP, MANUAL or IMPORT");
            }
        }
        String id = record.isMapped("id") && !record.get("id").isBlank() ? record.get("id")
                : "row-" + digest(bib + "|" + point + "|" + at.toEpochMilli());
        if (id.length() > 100) {
            throw ProblemException.field(where + ".id", "size", "An id has at most 100 characters");
        }
        return new PassingRequest(id, bib, point, at, line);
    }

    private static Instant instant(String text, ZoneId zone, LocalDate day, String where) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalTime.parse(text.replace(',', '.')).atDate(day)
                    .atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.field(where + ".time", "time",
                    "A time is an ISO-8601 instant or a time of day such as 09:31:05.12: " + text);
        }
    }

    private static String firstLine(String csv) {
        int end = csv.indexOf('\n');
        return end < 0 ? csv : csv.substring(0, end);
    }

    private static String digest(String row) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
