package dev.paddock.tote.report;

import dev.paddock.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A race's settlement report for operators, as a download: under {@code /api} with a token, and under
 * {@code /backoffice} for the link on the back-office page (session login). 404 {@code settlement-not-found}
 * until a pool of the race is settled.
 */
@RestController
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class SettlementReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SettledPools settled;

    SettlementReportController(SettledPools settled) {
        this.settled = settled;
    }

    @GetMapping({"/api/tote/races/{raceId}/settlement/report.csv", "/backoffice/tote/races/{raceId}/settlement/report.csv"})
    ResponseEntity<byte[]> csv(@PathVariable UUID raceId) {
        SettlementReport report = report(raceId);
        return download(report, "csv", CSV, ReportCsv.render(report));
    }

    @GetMapping({"/api/tote/races/{raceId}/settlement/report.json", "/backoffice/tote/races/{raceId}/settlement/report.json"})
    ResponseEntity<byte[]> json(@PathVariable UUID raceId) {
        SettlementReport report = report(raceId);
        return download(report, "json", MediaType.APPLICATION_JSON, ReportJson.render(report));
    }

    private SettlementReport report(UUID raceId) {
        SettlementReport report = settled.report(raceId).orElseThrow(() ->
                ProblemException.of(HttpStatus.NOT_FOUND, "race-not-found", "No race " + raceId + "."));
        if (report.pools().isEmpty()) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "settlement-not-found",
                    "Race " + report.raceCode() + " is not settled yet.");
        }
        return report;
    }

    private static ResponseEntity<byte[]> download(SettlementReport report, String extension, MediaType type,
            byte[] body) {
        String file = "settlement-" + report.raceCode() + "-" + report.raceId() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }
}
