package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.BatchCredit;
import dev.paddock.wallet.IdempotencyKeyReused;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.MovementKind;
import dev.paddock.wallet.WalletMovementRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@link WalletService#creditAll}: four statements for the whole batch, in the caller's transaction. Find the
 * keys already used; add each wallet's sum in one upsert (wallets in code order, the lock order of every batch);
 * then the entries and the postings as two multi-row inserts. A credit never fails for want of money, so
 * unlike debits nothing is refused: a batch is written whole or, on a reused key, not at all.
 */
@Component
class BatchCredits {

    private final Ledger ledger;
    private final LedgerBatches batches;
    private final ApplicationEventPublisher events;

    BatchCredits(Ledger ledger, LedgerBatches batches, ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.batches = batches;
        this.events = events;
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
        int m = fresh.size();
        long[] balanceAfter = new long[m];
        Map<String, Long> running = new HashMap<>();
        for (int p = m - 1; p >= 0; p--) {
            BatchCredit credit = credits.get(fresh.get(p));
            String code = Ledger.walletCode(credit.account());
            long after = running.computeIfAbsent(code, c -> balances.get(c).balanceCents());
            balanceAfter[p] = after;
            running.put(code, after - credit.amount().cents());
        }
        UUID[] ids = new UUID[m];
        String[] keys = new String[m];
        String[] entryFingerprints = new String[m];
        String[] references = new String[m];
        UUID[] postingEntries = new UUID[2 * m];
        Long[] postingAccounts = new Long[2 * m];
        Long[] postingCents = new Long[2 * m];
        Long[] postingBalances = new Long[2 * m];
        for (int p = 0; p < m; p++) {
            BatchCredit credit = credits.get(fresh.get(p));
            ids[p] = UUID.randomUUID();
            keys[p] = credit.key().value();
            entryFingerprints[p] = fingerprints[fresh.get(p)];
            references[p] = credit.purpose().reference();
            long cents = credit.amount().cents();
            postingEntries[2 * p] = ids[p];
            postingAccounts[2 * p] = balances.get(Ledger.walletCode(credit.account())).ledgerAccountId();
            postingCents[2 * p] = cents;
            postingBalances[2 * p] = balanceAfter[p];
            postingEntries[2 * p + 1] = ids[p];
            postingAccounts[2 * p + 1] = houseAccounts.get(credit.purpose().counterAccount());
            postingCents[2 * p + 1] = -cents;
        }
        batches.openEntries(MovementKind.CREDIT, ids, keys, entryFingerprints, references, at);
        batches.post(postingEntries, postingAccounts, postingCents, postingBalances);
        for (int p = 0; p < m; p++) {
            BatchCredit credit = credits.get(fresh.get(p));
            long cents = credit.amount().cents();
            events.publishEvent(new WalletMovementRecorded(credit.account(), ids[p], MovementKind.CREDIT.name(),
                    cents, balanceAfter[p], at));
            movements[fresh.get(p)] = new Movement(ids[p], credit.account(), MovementKind.CREDIT,
                    Money.ofCents(cents), Money.ofCents(balanceAfter[p]), references[p], at, false);
        }
    }
}
