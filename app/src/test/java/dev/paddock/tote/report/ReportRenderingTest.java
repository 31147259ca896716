package dev.paddock.tote.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportRenderingTest {

    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID WIN = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID TIERCE = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID RETAIL_WIN = UUID.fromString("00000000-0000-0000-0000-000000000003");

    static SettlementReport report(String raceName, boolean shuffled) {
        List<SettlementReport.Winner> ordre = new ArrayList<>(List.of(
                new SettlementReport.Winner(3 | 1 << 5 | 7 << 10, "3-1-7", 12340, 300)));
        List<SettlementReport.Winner> desordre = new ArrayList<>(List.of(
                new SettlementReport.Winner(1 | 3 << 5 | 7 << 10, "1-3-7", 2470, 1200),
                new SettlementReport.Winner(1 | 7 << 5 | 3 << 10, "1-7-3", 2470, 500)));
        List<SettlementReport.Rank> tierceRanks = new ArrayList<>(List.of(
                new SettlementReport.Rank("ordre", 1, ordre), new SettlementReport.Rank("désordre", 2, desordre)));
        List<SettlementReport.Pool> pools = new ArrayList<>(List.of(
                new SettlementReport.Pool(WIN, BetType.SIMPLE_GAGNANT, ChannelFamily.ONLINE, 1, 1390, "PAID", false,
                        150, 45000, 0, 6255, 0, 0, 0, 38700, 45, 38700L, 0L, 12L, 0L,
                        List.of(new SettlementReport.Rank("gagnant", 1,
                                List.of(new SettlementReport.Winner(3, "3", 620, 6000))))),
                new SettlementReport.Pool(TIERCE, BetType.TIERCE, ChannelFamily.ONLINE, 1, 2265, "COMPUTED", false,
                        100, 100000, 200, 22600, 0, 0, 0, 77110, 90, null, null, null, null, tierceRanks),
                new SettlementReport.Pool(RETAIL_WIN, BetType.SIMPLE_GAGNANT, ChannelFamily.RETAIL, 1, 1390, "PAID",
                        true, 200, 800, 800, 0, 0, 0, 0, 0, 0, 0L, 800L, 0L, 2L, List.of())));
        if (shuffled) {
            Collections.shuffle(pools, new Random(7));
            Collections.shuffle(tierceRanks, new Random(3));
            Collections.shuffle(desordre, new Random(5));
        }
        return new SettlementReport(RACE, "R1C3", raceName, 2, pools);
    }

    @Test
    void theCsvIsOneLinePerWinningCombinationInAFixedOrder() {
        String csv = new String(ReportCsv.render(report("Prix d'Amérique", false)), StandardCharsets.UTF_8);
        String pool1 = "00000000-0000-0000-0000-00000000000a,R1C3,Prix d'Amérique,2,00000000-0000-0000-0000-000000000001,"
                + "SIMPLE_GAGNANT,ONLINE,1,13.90,PAID,false,450.00,0.00,62.55,0.00,0.00,0.00,387.00,387.00,0.00,0.45,12,0,";
        String pool3 = "00000000-0000-0000-0000-00000000000a,R1C3,Prix d'Amérique,2,00000000-0000-0000-0000-000000000003,"
                + "SIMPLE_GAGNANT,RETAIL,1,13.90,PAID,true,8.00,8.00,0.00,0.00,0.00,0.00,0.00,0.00,8.00,0.00,0,2,";
        String pool2 = "00000000-0000-0000-0000-00000000000a,R1C3,Prix d'Amérique,2,00000000-0000-0000-0000-000000000002,"
                + "TIERCE,ONLINE,1,22.65,COMPUTED,false,1000.00,2.00,226.00,0.00,0.00,0.00,771.10,,,0.90,,,";
        assertThat(csv).isEqualTo(String.join(",", ReportCsv.HEADER) + "\r\n"
                + pool1 + "1,gagnant,3,40.00,6.20,60.00\r\n"
                + pool3 + ",,,,,\r\n"
                + pool2 + "1,ordre,3-1-7,3.00,123.40,3.00\r\n"
                // by combination key (first runner in the lowest bits): 1-7-3 is 3297, 1-3-7 is 7265
                + pool2 + "2,désordre,1-7-3,5.00,24.70,5.00\r\n"
                + pool2 + "2,désordre,1-3-7,12.00,24.70,12.00\r\n");
    }

    @Test
    void theSameSettlementGivesTheSameBytesWhateverTheOrderItWasReadIn() {
        assertThat(ReportCsv.render(report("Prix", true))).isEqualTo(ReportCsv.render(report("Prix", false)));
        assertThat(ReportJson.render(report("Prix", true))).isEqualTo(ReportJson.render(report("Prix", false)));
    }

    @Test
    void textWithSeparatorsQuotesAndLineBreaksIsQuotedPerRfc4180() throws Exception {
        String name = "Prix \"Le Cheval\", Vincennes\r\nNocturne";
        byte[] csv = ReportCsv.render(report(name, false));
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .contains(",\"Prix \"\"Le Cheval\"\", Vincennes\r\nNocturne\",");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(5).allSatisfy(r -> {
            assertThat(r.get("race_name")).isEqualTo(name);
            assertThat(r.size()).isEqualTo(ReportCsv.HEADER.size());
        });
        assertThat(records.get(3).get("rank")).isEqualTo("désordre");
        assertThat(records.get(4).get("combination")).isEqualTo("1-3-7");
    }

    @Test
    void theJsonNestsPoolsRanksAndWinnersWithAmountsAsExactStrings() {
        JsonNode json = JsonMapper.builder().build().readTree(ReportJson.render(report("Prix", false)));
        assertThat(json.get("raceCode").asString()).isEqualTo("R1C3");
        assertThat(json.get("resultVersion").asInt()).isEqualTo(2);
        JsonNode pools = json.get("pools");
        assertThat(pools.size()).isEqualTo(3);
        assertThat(pools.get(1).get("channelFamily").asString()).isEqualTo("RETAIL");
        JsonNode tierce = pools.get(2);
        assertThat(tierce.get("takeoutRatePct").asString()).isEqualTo("22.65");
        assertThat(tierce.get("payouts").asString()).isEqualTo("771.10");
        assertThat(tierce.get("paidWinnings").isNull()).isTrue();
        assertThat(tierce.get("winningTickets").isNull()).isTrue();
        JsonNode desordre = tierce.get("ranks").get(1);
        assertThat(desordre.get("rank").asString()).isEqualTo("désordre");
        assertThat(desordre.get("winners").get(0).get("combination").asString()).isEqualTo("1-7-3");
        assertThat(desordre.get("winners").get(0).get("dividend").asString()).isEqualTo("24.70");
        assertThat(desordre.get("winners").get(0).get("winningUnits").asString()).isEqualTo("5.00");
        assertThat(new String(ReportJson.render(report("Prix", false)), StandardCharsets.UTF_8))
                .startsWith("{\"raceId\":\"00000000-0000-0000-0000-00000000000a\",\"raceCode\":\"R1C3\"");
    }
}
