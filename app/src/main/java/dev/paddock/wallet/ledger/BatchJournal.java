package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.shared.TimeOrderedIds;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.MovementKind;
import dev.paddock.wallet.WalletMovementRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The journal side of a batch whose wallet balances are already moved ({@link WalletService#debitAll},
 * {@link WalletService#creditAll}): the entries and their postings as two multi-row inserts, and an event per
 * movement. Each posting's balance after is worked back from its wallet's final balance, which the caller's
 * transaction holds locked. Movements against the same house account share one house posting of their sum, on a
 * batch entry their entries name (wallet V6); a movement alone against its house account is an entry balanced on
 * its own, as a single movement is.
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
     * @param balances      each wallet's ledger account and balance after the whole batch, by wallet code
     * @param setBalances   whether to write those balances too, in the journal's round trip (the wallets are
     *                      locked by the caller); false when the caller has written them
     * @param houseAccounts the ledger account of each counter-account
     * @return the movements, in the order of {@code lines}
     */
    List<Movement> write(MovementKind kind, List<Line> lines, Map<String, Ledger.WalletBalance> balances,
            boolean setBalances, Map<String, Long> houseAccounts, Instant at) {
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
        Map<String, HouseSide> houseSides = new LinkedHashMap<>();
        for (Line line : lines) {
            houseSides.computeIfAbsent(line.counterAccount(), c -> new HouseSide()).add(line.walletCents());
        }
        List<UUID> ids = new ArrayList<>(m + houseSides.size());
        List<String> keys = new ArrayList<>(ids.size());
        List<String> fingerprints = new ArrayList<>(ids.size());
        List<String> references = new ArrayList<>(ids.size());
        List<UUID> batchIds = new ArrayList<>(ids.size());
        List<UUID> postingEntries = new ArrayList<>(2 * m);
        List<Long> postingAccounts = new ArrayList<>(2 * m);
        List<Long> postingCents = new ArrayList<>(2 * m);
        List<Long> postingBalances = new ArrayList<>(2 * m);
        houseSides.forEach((counter, side) -> {
            if (side.lines > 1) {
                side.entry = TimeOrderedIds.next();
                ids.add(side.entry);
                keys.add("batch:" + side.entry);
                fingerprints.add("batch");
                references.add("batch of " + side.lines + " on " + counter);
                batchIds.add(null);
            }
        });
        UUID[] movementIds = new UUID[m];
        for (int p = 0; p < m; p++) {
            Line line = lines.get(p);
            HouseSide side = houseSides.get(line.counterAccount());
            movementIds[p] = TimeOrderedIds.next();
            ids.add(movementIds[p]);
            keys.add(line.key());
            fingerprints.add(line.fingerprint());
            references.add(line.reference());
            batchIds.add(side.entry);
            postingEntries.add(movementIds[p]);
            postingAccounts.add(balances.get(Ledger.walletCode(line.account())).ledgerAccountId());
            postingCents.add(line.walletCents());
            postingBalances.add(balanceAfter[p]);
            if (side.entry == null) {
                postingEntries.add(movementIds[p]);
                postingAccounts.add(houseAccounts.get(line.counterAccount()));
                postingCents.add(-line.walletCents());
                postingBalances.add(null);
            }
        }
        houseSides.forEach((counter, side) -> {
            if (side.entry != null) {
                postingEntries.add(side.entry);
                postingAccounts.add(houseAccounts.get(counter));
                postingCents.add(-side.walletCents);
                postingBalances.add(null);
            }
        });
        String[] codes = null;
        Long[] newBalances = null;
        if (setBalances) {
            codes = new TreeSet<>(balances.keySet()).toArray(String[]::new);
            newBalances = new Long[codes.length];
            for (int c = 0; c < codes.length; c++) {
                newBalances[c] = balances.get(codes[c]).balanceCents();
            }
        }
        batches.write(codes, newBalances, new LedgerBatches.Journal(kind, ids.toArray(UUID[]::new),
                keys.toArray(String[]::new), fingerprints.toArray(String[]::new), references.toArray(String[]::new),
                batchIds.toArray(UUID[]::new), postingEntries.toArray(UUID[]::new), postingAccounts.toArray(Long[]::new),
                postingCents.toArray(Long[]::new), postingBalances.toArray(Long[]::new)), at);
        List<Movement> movements = new ArrayList<>(m);
        for (int p = 0; p < m; p++) {
            Line line = lines.get(p);
            events.publishEvent(new WalletMovementRecorded(line.account(), movementIds[p], kind.name(),
                    line.walletCents(), balanceAfter[p], at));
            movements.add(new Movement(movementIds[p], line.account(), kind, Money.ofCents(line.walletCents()),
                    Money.ofCents(balanceAfter[p]), line.reference(), at, false));
        }
        return movements;
    }

    /** The house side of the batch's movements against one house account. */
    private static final class HouseSide {
        int lines;
        long walletCents;
        UUID entry;

        void add(long cents) {
            lines++;
            walletCents = Math.addExact(walletCents, cents);
        }
    }
}
