package dev.paddock.timing.results;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import dev.paddock.timing.board.Snapshot;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A finisher's certificate, one A4 landscape page, drawn with OpenPDF. */
@Component
class Certificates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    byte[] render(Snapshot snapshot, ResultViews.Athlete athlete) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 60, 60, 70, 60);
        PdfWriter.getInstance(document, out);
        document.addTitle("Certificate " + athlete.name());
        document.open();
        add(document, snapshot.race().eventName(), 30, Font.BOLD, 6);
        add(document, snapshot.race().raceName() + ", "
                + DAY.format(snapshot.race().startsAt().atZone(ZoneId.of(snapshot.race().zone()))), 16, Font.NORMAL, 36);
        add(document, athlete.name(), 34, Font.BOLD, 8);
        add(document, "Bib " + athlete.bib() + (athlete.category() == null ? "" : " · " + athlete.category()), 14,
                Font.NORMAL, 30);
        add(document, athlete.official(), 48, Font.BOLD, 8);
        add(document, snapshot.timing().officialClock() == dev.paddock.rankings.Clock.NET ? "net time" : "gun time",
                12, Font.ITALIC, 24);
        add(document, places(athlete), 16, Font.NORMAL, 8);
        add(document, "Pace " + athlete.pace() + " /km", 14, Font.NORMAL, 0);
        document.close();
        return out.toByteArray();
    }

    /**
     * "Place 12 overall · 5 among women · 2 in W40" from the race's main rankings; a race that configures none of
     * those lists the athlete's places in its own rankings ("Place 3 in Clubs (LC Zürich)").
     */
    static String places(ResultViews.Athlete athlete) {
        ResultViews.Places places = athlete.places();
        List<String> parts = new ArrayList<>();
        if (places.overall() != null) {
            parts.add(places.overall() + " overall");
        }
        if (places.gender() != null) {
            parts.add(places.gender() + " " + genderWord(athlete.gender()));
        }
        if (places.category() != null) {
            parts.add(places.category() + " in " + places.categoryName());
        }
        if (parts.isEmpty()) {
            athlete.rankings().forEach(r -> parts.add(r.place() + " in " + (r.name() == null ? r.ranking() : r.name())
                    + (r.group().isEmpty() ? "" : " (" + r.group() + ")")));
        }
        return parts.isEmpty() ? "" : "Place " + String.join(" · ", parts);
    }

    private static String genderWord(String gender) {
        return switch (gender) {
            case "F" -> "among women";
            case "M" -> "among men";
            default -> "in category X";
        };
    }

    private static void add(Document document, String text, float size, int style, float after) {
        Paragraph paragraph = new Paragraph(text, new Font(Font.HELVETICA, size, style));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingAfter(after);
        document.add(paragraph);
    }
}
