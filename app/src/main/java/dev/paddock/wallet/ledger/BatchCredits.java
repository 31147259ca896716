package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.wallet.BatchCredit;
import dev.paddock.wallet.IdempotencyKeyReused;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.MovementKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@link WalletService#creditAll}: four statements for the whole batch, in the caller's transaction. Find the
 * keys already used; add each wallet's sum in one upsert (wallets in code order, the lock order of every batch);
 * then the entries and the postings as two multi-row inserts ({@link BatchJournal}). A credit never fails for want of money, so
 * unlike debits nothing is refused: a batch is written whole or, on a reused key, not at all.
 */
@Component
class BatchCredits {

    private final Ledger ledger;
    private final LedgerBatches batches;
    private final BatchJournal journal;

    BatchCredits(Ledger ledger, LedgerBatches batches, BatchJournal journal) {
        this.ledger = ledger;
        this.batches = batches;
        this.journal = journal;
    }

    List<Movement> credit(List<BatchCredit> credits, Map<String, Long> houseAccounts, Instant at) {
        int n = credits.size();
        Movement[] movements = new Movement[n];
        String[] fingerprints = new String[n];
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fingerprints[i] = WalletService.fingerprint(MovementKind.CREDIT, credits.get(i));
            keys.add(credits.get(i).key().value());
        }
        Map<String, String> recorded = n == 0 ? Map.of() : batches.recordedKeys(keys);
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BatchCredit credit = credits.get(i);
            String stored = recorded.get(credit.key().value());
            Integer first = firstWithKey.putIfAbsent(credit.key().value(), i);
            String expected = stored != null ? stored : first != null ? fingerprints[first] : null;
            if (expected != null && !expected.equals(fingerprints[i])) {
                throw new IdempotencyKeyReused();
            }
            if (stored != null) {
                movements[i] = ledger.findByKey(credit.key()).orElseThrow().movement().asReplay();
            } else if (first == null) {
                fresh.add(i);
            }
        }
        if (!fresh.isEmpty()) {
            write(credits, fresh, fingerprints, houseAccounts, movements, at);
        }
        for (int i = 0; i < n; i++) {
            if (movements[i] == null) {
                // the same key twice in one batch: the later one is a retry of the first
                movements[i] = movements[firstWithKey.get(credits.get(i).key().value())].asReplay();
            }
        }
        return List.of(movements);
    }

    private void write(List<BatchCredit> credits, List<Integer> fresh, String[] fingerprints,
            Map<String, Long> houseAccounts, Movement[] movements, Instant at) {
        Map<String, Long> sums = new TreeMap<>();
        Map<String, AccountId> owners = new HashMap<>();
        for (int i : fresh) {
            BatchCredit credit = credits.get(i);
            String code = Ledger.walletCode(credit.account());
            sums.merge(code, credit.amount().cents(), Math::addExact);
            owners.put(code, credit.account());
        }
        String[] codes = sums.keySet().toArray(String[]::new);
        Map<String, Ledger.WalletBalance> balances = batches.addAll(codes,
                sums.keySet().stream().map(code -> owners.get(code).value()).toArray(UUID[]::new),
                sums.values().toArray(Long[]::new), at);
        List<BatchJournal.Line> lines = fresh.stream().map(i -> {
            BatchCredit credit = credits.get(i);
            return new BatchJournal.Line(credit.account(), credit.amount().cents(), credit.purpose().counterAccount(),
                    credit.purpose().reference(), credit.key().value(), fingerprints[i]);
        }).toList();
        List<Movement> written = journal.write(MovementKind.CREDIT, lines, balances, false, houseAccounts, at);
        for (int p = 0; p < fresh.size(); p++) {
            movements[fresh.get(p)] = written.get(p);
        }
    }
}
