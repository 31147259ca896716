package dev.paddock.tote.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as one RFC 4180 table (UTF-8, CRLF, quoted only where needed): one line per winning combination,
 * each repeating its pool's accounts so that a spreadsheet filter on any line keeps its context; a pool nobody
 * won (or refunded whole) has one line with empty rank columns.
 */
final class ReportCsv {

    static final List<String> HEADER = List.of("race_id", "race_code", "race_name", "result_version", "pool_id",
            "bet_type", "channel_family", "rule_set_version", "takeout_rate_pct", "pool_status",
            "whole_pool_refunded", "stakes_eur", "refunds_eur", "takeout_eur", "reserve_in_eur", "reserve_out_eur",
            "operator_top_up_eur", "payouts_eur", "paid_winnings_eur", "paid_refunds_eur", "breakage_eur",
            "winning_tickets", "refunded_tickets", "rank_order", "rank", "combination", "winning_units",
            "dividend_eur", "combination_stakes_eur");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new)).get();

    private ReportCsv() {
    }

    static byte[] render(SettlementReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), FORMAT)) {
            for (SettlementReport.Pool pool : report.pools()) {
                if (pool.ranks().isEmpty()) {
                    printer.printRecord(line(report, pool, null, null));
                }
                for (SettlementReport.Rank rank : pool.ranks()) {
                    for (SettlementReport.Winner winner : rank.winners()) {
                        printer.printRecord(line(report, pool, rank, winner));
                    }
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static List<String> line(SettlementReport report, SettlementReport.Pool pool, SettlementReport.Rank rank,
            SettlementReport.Winner winner) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.addAll(List.of(report.raceId().toString(), report.raceCode(), report.raceName(),
                Integer.toString(report.resultVersion()), pool.poolId().toString(), pool.betType().name(),
                pool.family().name(), Integer.toString(pool.ruleSetVersion()), Amounts.percent(pool.takeoutBp()),
                pool.status(), Boolean.toString(pool.wholePoolRefunded()), Amounts.euros(pool.stakesCents()),
                Amounts.euros(pool.refundsCents()), Amounts.euros(pool.takeoutCents()),
                Amounts.euros(pool.reserveInCents()), Amounts.euros(pool.reserveOutCents()),
                Amounts.euros(pool.operatorTopUpCents()), Amounts.euros(pool.payoutsCents()),
                Amounts.euros(pool.paidWinningsCents()), Amounts.euros(pool.paidRefundsCents()),
                Amounts.euros(pool.breakageCents()), Amounts.count(pool.winningTickets()),
                Amounts.count(pool.refundedTickets())));
        if (winner == null) {
            cells.addAll(List.of("", "", "", "", "", ""));
        } else {
            cells.addAll(List.of(Integer.toString(rank.order()), rank.name(), winner.runners(),
                    Amounts.units(winner.stakeCents(), pool.unitStakeCents()), Amounts.euros(winner.dividendCents()),
                    Amounts.euros(winner.stakeCents())));
        }
        return cells;
    }
}
