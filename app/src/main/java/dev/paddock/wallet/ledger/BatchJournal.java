package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.MovementKind;
import dev.paddock.wallet.WalletMovementRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The journal side of a batch whose wallet balances are already moved ({@link WalletService#debitAll},
 * {@link WalletService#creditAll}): the entries and their postings as two multi-row inserts, and an event per
 * movement. Each posting's balance after is worked back from its wallet's final balance, which the caller's
 * transaction holds locked.
 */
@Component
class BatchJournal {

    /** One movement of the batch: the signed change of its wallet and what it names. */
    record Line(AccountId account, long walletCents, String counterAccount, String reference, String key,
            String fingerprint) {
    }

    private final LedgerBatches batches;
    private final ApplicationEventPublisher events;

    BatchJournal(LedgerBatches batches, ApplicationEventPublisher events) {
        this.batches = batches;
        this.events = events;
    }

    /**
     * @param balances     each wallet's ledger account and balance after the whole batch, by wallet code
     * @param houseAccounts the ledger account of each counter-account
     * @return the movements, in the order of {@code lines}
     */
    List<Movement> write(MovementKind kind, List<Line> lines, Map<String, Ledger.WalletBalance> balances,
            Map<String, Long> houseAccounts, Instant at) {
        int m = lines.size();
        long[] balanceAfter = new long[m];
        Map<String, Long> running = new HashMap<>();
        for (int p = m - 1; p >= 0; p--) {
            Line line = lines.get(p);
            String code = Ledger.walletCode(line.account());
            long after = running.computeIfAbsent(code, c -> balances.get(c).balanceCents());
            balanceAfter[p] = after;
            running.put(code, after - line.walletCents());
        }
        UUID[] ids = new UUID[m];
        String[] keys = new String[m];
        String[] fingerprints = new String[m];
        String[] references = new String[m];
        UUID[] postingEntries = new UUID[2 * m];
        Long[] postingAccounts = new Long[2 * m];
        Long[] postingCents = new Long[2 * m];
        Long[] postingBalances = new Long[2 * m];
        for (int p = 0; p < m; p++) {
            Line line = lines.get(p);
            ids[p] = UUID.randomUUID();
            keys[p] = line.key();
            fingerprints[p] = line.fingerprint();
            references[p] = line.reference();
            postingEntries[2 * p] = ids[p];
            postingAccounts[2 * p] = balances.get(Ledger.walletCode(line.account())).ledgerAccountId();
            postingCents[2 * p] = line.walletCents();
            postingBalances[2 * p] = balanceAfter[p];
            postingEntries[2 * p + 1] = ids[p];
            postingAccounts[2 * p + 1] = houseAccounts.get(line.counterAccount());
            postingCents[2 * p + 1] = -line.walletCents();
        }
        batches.openEntries(kind, ids, keys, fingerprints, references, at);
        batches.post(postingEntries, postingAccounts, postingCents, postingBalances);
        List<Movement> movements = new ArrayList<>(m);
        for (int p = 0; p < m; p++) {
            Line line = lines.get(p);
            events.publishEvent(new WalletMovementRecorded(line.account(), ids[p], kind.name(), line.walletCents(),
                    balanceAfter[p], at));
            movements.add(new Movement(ids[p], line.account(), kind, Money.ofCents(line.walletCents()),
                    Money.ofCents(balanceAfter[p]), line.reference(), at, false));
        }
        return movements;
    }
}
