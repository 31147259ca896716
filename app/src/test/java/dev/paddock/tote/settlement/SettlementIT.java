package dev.paddock.tote.settlement;

import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.tote.results.ResultFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** What every settlement test uses: races, results, bets through the API, and the settlement itself. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
abstract class SettlementIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    ResultFixtures results;

    @Autowired
    SettlementFixtures settled;

    @Autowired
    RecordedDividends published;

    @Autowired
    ProgrammeDesk desk;

    @Autowired
    RaceSettlements settlements;

    @Autowired
    SettlementStore store;

    @Autowired
    JdbcClient jdbc;
}
