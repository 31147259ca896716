package dev.paddock.events.organizer;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.organizer.AgeGroups.RaceRules;
import dev.paddock.events.organizer.ExportColumns.Column;
import dev.paddock.events.organizer.ExportColumns.Row;
import dev.paddock.events.organizer.ExportColumns.Scope;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participant exports written to the response as the rows arrive from the database (a 500-row fetch size),
 * so 20,000 participants never sit in memory: CSV (RFC 4180, UTF-8) through Commons CSV, Excel through
 * fastexcel's streaming writer, flushed every {@value #FLUSH_EVERY} rows. CSV cells that a spreadsheet
 * would run as a formula are neutralised ({@link CsvCells}); Excel cells are written as text, never formulas.
 */
@Component
class ParticipantExports {

    static final int FLUSH_EVERY = 1000;
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private final Participants participants;
    private final EventAccess access;
    private final RaceRulesReader rules;

    ParticipantExports(Participants participants, EventAccess access, RaceRulesReader rules) {
        this.participants = participants;
        this.access = access;
        this.rules = rules;
    }

    /** The custom fields of the race asked for, or of every race of the event. */
    List<FieldDefinition> fields(OrganizedEvent event, UUID raceId) {
        List<List<FieldDefinition>> perRace = new ArrayList<>();
        for (OrganizedRace race : access.races(event.id())) {
            if (raceId == null || race.id().equals(raceId)) {
                perRace.add(rules.fields(race));
            }
        }
        return ExportColumns.union(perRace);
    }

    @Transactional(readOnly = true)
    void csv(OrganizedEvent event, ParticipantFilter filter, Scope scope, OutputStream out) {
        try {
            CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), CSV);
            write(event, filter, scope, header -> printRecord(printer, header), cells -> printRecord(printer, cells));
            printer.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Transactional(readOnly = true)
    void xlsx(OrganizedEvent event, ParticipantFilter filter, Scope scope, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Paddock", "1.0");
            Worksheet sheet = workbook.newWorksheet("Participants");
            int[] line = {0};
            write(event, filter, scope, header -> cells(sheet, line[0]++, header), cells -> {
                cells(sheet, line[0]++, cells);
                if (line[0] % FLUSH_EVERY == 0) {
                    flush(sheet);
                }
            });
            workbook.finish();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private void write(OrganizedEvent event, ParticipantFilter filter, Scope scope,
            java.util.function.Consumer<List<?>> header, java.util.function.Consumer<List<?>> line) {
        List<FieldDefinition> shown = ExportColumns.shown(scope, fields(event, filter.raceId()));
        List<Column> columns = ExportColumns.of(scope, shown);
        Map<UUID, RaceRules> raceRules = rules.of(event);
        header.accept(columns.stream().map(Column::header).toList());
        ParticipantFilter rows = scope == Scope.PUBLIC ? filter.confirmedOnly() : filter;
        participants.each(rows, shown.stream().map(FieldDefinition::key).toList(), participant -> {
            Row row = new Row(participant, AgeGroups.category(raceRules.get(participant.raceId()), participant.gender(),
                    participant.birthDate()));
            line.accept(columns.stream().map(column -> column.value().apply(row)).toList());
        });
    }

    private static void printRecord(CSVPrinter printer, List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(cell -> cell == null ? "" : CsvCells.safe(cell.toString())).toList());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void cells(Worksheet sheet, int row, List<?> cells) {
        for (int column = 0; column < cells.size(); column++) {
            switch (cells.get(column)) {
                case null -> {
                }
                case Number number -> sheet.value(row, column, number);
                case LocalDate date -> {
                    sheet.value(row, column, date);
                    sheet.style(row, column).format("yyyy-mm-dd").set();
                }
                case Instant instant -> sheet.value(row, column, instant.toString());
                default -> sheet.value(row, column, cells.get(column).toString());
            }
        }
    }

    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
