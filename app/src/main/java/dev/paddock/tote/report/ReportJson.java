package dev.paddock.tote.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as one JSON document, nested race / pools / ranks / winners, keys in a fixed order, amounts as
 * strings of euros with two decimals (exact for any reader, where a JSON number may become a binary float).
 */
final class ReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportJson() {
    }

    static byte[] render(SettlementReport report) {
        Map<String, Object> race = new LinkedHashMap<>();
        race.put("raceId", report.raceId().toString());
        race.put("raceCode", report.raceCode());
        race.put("raceName", report.raceName());
        race.put("resultVersion", report.resultVersion());
        race.put("pools", report.pools().stream().map(ReportJson::pool).toList());
        return JSON.writeValueAsBytes(race);
    }

    private static Map<String, Object> pool(SettlementReport.Pool pool) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("poolId", pool.poolId().toString());
        json.put("betType", pool.betType().name());
        json.put("channelFamily", pool.family().name());
        json.put("ruleSetVersion", pool.ruleSetVersion());
        json.put("takeoutRatePct", Amounts.percent(pool.takeoutBp()));
        json.put("status", pool.status());
        json.put("wholePoolRefunded", pool.wholePoolRefunded());
        json.put("stakes", Amounts.euros(pool.stakesCents()));
        json.put("refunds", Amounts.euros(pool.refundsCents()));
        json.put("takeout", Amounts.euros(pool.takeoutCents()));
        json.put("reserveIn", Amounts.euros(pool.reserveInCents()));
        json.put("reserveOut", Amounts.euros(pool.reserveOutCents()));
        json.put("operatorTopUp", Amounts.euros(pool.operatorTopUpCents()));
        json.put("payouts", Amounts.euros(pool.payoutsCents()));
        json.put("paidWinnings", nullable(pool.paidWinningsCents()));
        json.put("paidRefunds", nullable(pool.paidRefundsCents()));
        json.put("breakage", Amounts.euros(pool.breakageCents()));
        json.put("winningTickets", pool.winningTickets());
        json.put("refundedTickets", pool.refundedTickets());
        json.put("ranks", pool.ranks().stream().map(rank -> rank(rank, pool.unitStakeCents())).toList());
        return json;
    }

    private static Map<String, Object> rank(SettlementReport.Rank rank, long unitStakeCents) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("order", rank.order());
        json.put("rank", rank.name());
        json.put("winners", rank.winners().stream().map(winner -> {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("combination", winner.runners());
            w.put("winningUnits", Amounts.units(winner.stakeCents(), unitStakeCents));
            w.put("dividend", Amounts.euros(winner.dividendCents()));
            w.put("stakes", Amounts.euros(winner.stakeCents()));
            return w;
        }).toList());
        return json;
    }

    private static String nullable(Long cents) {
        return cents == null ? null : Amounts.euros(cents.longValue());
    }
}
