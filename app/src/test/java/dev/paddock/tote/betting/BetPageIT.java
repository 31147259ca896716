package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.security.AccountPrincipal;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.shared.Money;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class BetPageIT {

    private static final Pattern REQUEST_ID = Pattern.compile("name=\"requestId\" value=\"([^\"]+)\"");
    private static final Pattern BET_ID = Pattern.compile("<code>([0-9a-f-]{36})</code>");

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Wallets wallets;

    @Autowired
    ProgrammeDesk desk;

    @Test
    void theRacePageLeadsToABetPageOfferingTheOnlinePoolsInEnglishAndFrench() throws Exception {
        RaceCard race = tote.openRace();
        AccountPrincipal player = player("10.00");

        String racePage = html(get("/tote/races/" + race.id()).with(user(player)).locale(Locale.ENGLISH));
        assertThat(racePage).contains("href=\"/tote/races/" + race.id() + "/bet\"").contains("Bet on this race");

        String english = html(get("/tote/races/" + race.id() + "/bet").with(user(player)).locale(Locale.ENGLISH));
        assertThat(english).contains("Bet on " + race.code()).contains("Simple Gagnant (win)").contains("Tiercé")
                .contains("Quinté+").contains("Confirm the bet").contains("Tick your runners to see the price.")
                .containsPattern(REQUEST_ID.pattern());
        // one option per online pool: the retail pools are not sold here
        assertThat(english.split("<option value=\"[0-9a-f-]{36}\"", -1)).hasSize(ToteFixtures.BET_TYPES.size() + 1);

        PoolCard tierce = ToteFixtures.pool(race, BetType.TIERCE);
        String unitTierce = html(get("/tote/races/" + race.id() + "/bet").param("pool", tierce.id().toString())
                .with(user(player)).locale(Locale.ENGLISH));
        // a unit Tiercé is played in finishing order: one runner per position
        assertThat(unitTierce).contains("Runners in finishing order").contains("Position 3")
                .doesNotContain("Position 4").doesNotContain("type=\"checkbox\"");
        assertThat(unitTierce.split("<select name=\"runners\"", -1)).hasSize(4);

        String french = html(get("/tote/races/" + race.id() + "/bet").param("pool", tierce.id().toString())
                .param("formulation", "CHAMP").with(user(player)).locale(Locale.FRENCH));
        assertThat(french).contains("Parier sur " + race.code()).contains("Confirmer le pari").contains("Associés")
                .contains("name=\"bases\"").contains("name=\"partners\"")
                .contains("value=\"" + plain(tierce.unitStake()).replace('.', ',') + "\"");

        mvc.perform(get("/tote/races/" + race.id() + "/bet")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSummaryPricesACombinedTierceAndPointsAtANonRunner() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard tierce = ToteFixtures.pool(race, BetType.TIERCE);
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountPrincipal player = player("10.00");

        String summary = html(post("/tote/pools/" + tierce.id() + "/bet/summary").with(user(player)).with(csrf())
                .locale(Locale.ENGLISH).param("formulation", "COMBINED").param("runners", "1", "2", "3", "4")
                .param("stake", plain(tierce.unitStake())));
        assertThat(summary).contains("24 combinations, total cost €" + plain(tierce.unitStake().times(24)))
                .contains("<small id=\"error-runners\" hx-swap-oob=\"innerHTML\"></small>");

        desk.declareNonRunner(race.id(), 5);
        String refused = html(post("/tote/pools/" + win.id() + "/bet/summary").with(user(player)).with(csrf())
                .locale(Locale.ENGLISH).param("formulation", "UNIT").param("runners", "5")
                .param("stake", plain(win.unitStake())));
        assertThat(refused).contains("<small id=\"error-runners\" hx-swap-oob=\"innerHTML\">"
                + "You ticked a non-runner: it does not start.</small>").doesNotContain("total cost");

        String french = html(post("/tote/pools/" + win.id() + "/bet/summary").with(user(player)).with(csrf())
                .locale(Locale.FRENCH).param("formulation", "UNIT").param("runners", "6")
                .param("stake", plain(win.unitStake()).replace('.', ',')));
        assertThat(french).contains("1 combinaison, coût total");

        String page = html(get("/tote/races/" + race.id() + "/bet").param("pool", win.id().toString())
                .with(user(player)).locale(Locale.ENGLISH));
        assertThat(page).containsPattern("value=\"5\" disabled=\"disabled\"").contains("(non-runner)")
                .doesNotContainPattern("value=\"6\" disabled");
    }

    @Test
    void aSimpleGagnantPlacedThroughTheFormIsStoredAndDebitedOnceWhenSubmittedTwice() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        Account account = accounts.create();
        deposit(account, "10.00");
        AccountPrincipal player = TestAccounts.principal(account);
        String requestId = requestId(html(get("/tote/races/" + race.id() + "/bet").with(user(player))));

        mvc.perform(confirm(win, requestId, player).param("runners", "7")).andExpect(status().isForbidden());
        String placed = html(confirm(win, requestId, player).param("runners", "7").with(csrf()));
        assertThat(placed).contains("Bet placed").contains("href=\"/tote/my-bets\"").contains("href=\"/wallet\"")
                .contains("€" + plain(Money.ofCents(1000 - win.unitStake().cents())));
        String betId = betId(placed);
        assertThat(requestId(placed)).isNotEqualTo(requestId);

        String again = html(confirm(win, requestId, player).param("runners", "7").with(csrf()));
        assertThat(again).contains("This bet was already placed");
        assertThat(betId(again)).isEqualTo(betId);

        assertThat(tote.statuses(account.id())).containsExactly("ACCEPTED");
        assertThat(tote.status(UUID.fromString(betId))).isEqualTo("ACCEPTED");
        assertThat(tote.balance(account.id())).isEqualTo(1000 - win.unitStake().cents());
        assertThat(tote.poolTotal(win.id())).isEqualTo(win.unitStake().cents());
        assertThat(html(get("/tote/my-bets").with(user(player)))).contains(race.code()).contains("Simple Gagnant").contains(">7<");
    }

    @Test
    void aBetOnARaceClosedMeanwhileIsRefusedNextToTheFormWhichKeepsTheSelection() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        Account account = accounts.create();
        deposit(account, "10.00");
        AccountPrincipal player = TestAccounts.principal(account);
        String requestId = requestId(html(get("/tote/races/" + race.id() + "/bet").with(user(player))));

        desk.close(race.id());
        String refused = html(confirm(win, requestId, player).param("runners", "7").with(csrf()));

        assertThat(refused).contains("This race no longer takes bets: nothing was taken.")
                .containsPattern("value=\"7\"\\s+checked=\"checked\"").doesNotContain("Bet placed");
        assertThat(tote.statuses(account.id())).isEmpty();
        assertThat(tote.balance(account.id())).isEqualTo(1000);
    }

    @Test
    void aBig5IsBetFromTheRacePageOfOneOfItsLegsWithOneRunnerGroupPerLeg() throws Exception {
        List<RaceCard> legs = List.of(tote.openRace(), tote.openRace(), tote.openRace(), tote.openRace(), tote.openRace());
        PoolCard big5 = desk.createBig5(legs.stream().map(RaceCard::id).toList()).stream()
                .filter(p -> p.family() == ChannelFamily.ONLINE).findFirst().orElseThrow();
        Account account = accounts.create();
        deposit(account, "100.00");
        AccountPrincipal player = TestAccounts.principal(account);
        RaceCard third = legs.get(2);

        String racePage = html(get("/tote/races/" + third.id()).with(user(player)));
        assertThat(racePage).contains("/tote/pools/" + big5.id() + "/bet?race=" + third.id()).contains("Bet the Big 5");
        String page = html(get("/tote/pools/" + big5.id() + "/bet").param("race", third.id().toString())
                .with(user(player)).locale(Locale.ENGLISH));
        assertThat(page).contains("Bet on " + third.code()).contains("Leg 1: " + legs.getFirst().code())
                .contains("Leg 5: " + legs.getLast().code()).contains("name=\"leg5\"");

        String placed = html(post("/tote/pools/" + big5.id() + "/bet").with(user(player)).with(csrf())
                .locale(Locale.ENGLISH).param("requestId", requestId(page)).param("formulation", "LEGS")
                .param("leg1", "1", "2").param("leg2", "3").param("leg3", "4", "5", "6").param("leg4", "7")
                .param("leg5", "8").param("stake", plain(big5.unitStake())));

        assertThat(placed).contains("Bet placed").contains("<dd>6</dd>");
        assertThat(tote.poolTotal(big5.id())).isEqualTo(6 * big5.unitStake().cents());
        assertThat(tote.balance(account.id())).isEqualTo(10000 - 6 * big5.unitStake().cents());
    }

    private MockHttpServletRequestBuilder confirm(PoolCard pool, String requestId, AccountPrincipal player) {
        return post("/tote/pools/" + pool.id() + "/bet").with(user(player)).locale(Locale.ENGLISH)
                .param("requestId", requestId).param("formulation", "UNIT").param("stake", plain(pool.unitStake()));
    }

    private AccountPrincipal player(String euros) {
        Account account = accounts.create();
        deposit(account, euros);
        return TestAccounts.principal(account);
    }

    private void deposit(Account account, String euros) {
        wallets.deposit(account.id(), Money.parse(euros), IdempotencyKey.of("test:" + UUID.randomUUID()));
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String plain(Money amount) {
        return amount.toEuros().toPlainString();
    }

    private static String requestId(String html) {
        return group(REQUEST_ID, html);
    }

    private static String betId(String html) {
        return group(BET_ID, html);
    }

    private static String group(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }
}
