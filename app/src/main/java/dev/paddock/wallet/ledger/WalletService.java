package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.wallet.BatchCredit;
import dev.paddock.wallet.BatchDebit;
import dev.paddock.wallet.DebitOutcome;
import dev.paddock.wallet.DebitOutcome.Status;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.IdempotencyKeyReused;
import dev.paddock.wallet.InsufficientFunds;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.MovementKind;
import dev.paddock.wallet.Page;
import dev.paddock.wallet.PaymentDeclined;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.WalletMovementRecorded;
import dev.paddock.wallet.WalletView;
import dev.paddock.wallet.Wallets;
import dev.paddock.wallet.ledger.PaymentAttempts.Attempt;
import dev.paddock.wallet.ledger.PaymentAttempts.Operation;
import dev.paddock.wallet.ledger.PaymentAttempts.Outcome;
import dev.paddock.wallet.payment.PaymentProvider;
import dev.paddock.wallet.payment.PaymentResult;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wallet's operations. Each movement is one transaction of three statements: claim the idempotency key
 * with the entry, move the wallet's balance (a conditional update when money leaves, so no read-modify-write
 * and no lock beyond the wallet's row), and insert the two postings; the {@link WalletMovementRecorded} it
 * publishes adds an outbox row per transactional listener (Kafka externalization). Claiming the key first
 * makes concurrent retries queue behind the first one and then find its result.
 */
@Service
@EnableConfigurationProperties(WalletProperties.class)
class WalletService implements Wallets {

    static final String PAYMENT_CLEARING = "operator:payment-clearing";
    static final int MAX_PAGE_SIZE = 200;

    private final Ledger ledger;
    private final LedgerBatches batches;
    private final BatchCredits batchCredits;
    private final BatchJournal journal;
    private final PaymentAttempts attempts;
    private final PaymentProvider provider;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate callersTransaction;
    private final Clock clock;
    private final WalletProperties properties;

    WalletService(Ledger ledger, LedgerBatches batches, BatchCredits batchCredits, BatchJournal journal, PaymentAttempts attempts, PaymentProvider provider, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock, WalletProperties properties) {
        this.ledger = ledger;
        this.batches = batches;
        this.batchCredits = batchCredits;
        this.journal = journal;
        this.attempts = attempts;
        this.provider = provider;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.callersTransaction = new TransactionTemplate(transactions);
        this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public WalletView wallet(AccountId account) {
        return new WalletView(account, ledger.balance(account, now()));
    }

    /**
     * The provider is called outside any transaction, after the attempt is recorded: a retry finds the
     * recorded movement, the recorded decline, or a pending attempt whose charge it repeats under the same
     * provider key (which a provider answers with the first charge, never a second one).
     */
    @Override
    public Movement deposit(AccountId account, Money amount, IdempotencyKey key) {
        requirePositive(amount);
        if (amount.compareTo(properties.maxDepositAmount()) > 0) {
            throw ProblemException.field("amount", "max",
                    "A deposit is at most " + properties.maxDepositAmount() + ".");
        }
        String fingerprint = fingerprint(MovementKind.DEPOSIT, account, amount, "card");
        Optional<Movement> done = ledger.findByKey(key).map(recorded -> replay(recorded, fingerprint));
        if (done.isPresent()) {
            return done.get();
        }
        Attempt attempt = attempts.open(key, Operation.CHARGE, account, amount, fingerprint, now());
        if (!attempt.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
        if (attempt.outcome() == Outcome.DECLINED) {
            throw new PaymentDeclined(attempt.declineReason());
        }
        String providerReference = attempt.providerReference();
        if (attempt.outcome() == Outcome.PENDING) {
            PaymentResult result = provider.charge(account, amount, key.value());
            if (!result.approved()) {
                attempts.decline(key, result, now());
                throw new PaymentDeclined(result.declineReason());
            }
            providerReference = result.providerReference();
        }
        long clearing = ledger.houseAccount(PAYMENT_CLEARING);
        String reference = "payment:" + providerReference;
        String approvedReference = providerReference;
        return transaction.execute(status -> {
            Movement movement = move(MovementKind.DEPOSIT, account, amount.cents(), clearing, reference, key,
                    fingerprint, null);
            attempts.approve(key, approvedReference, movement.movementId(), now());
            return movement;
        });
    }

    @Override
    public Movement withdraw(AccountId account, Money amount, IdempotencyKey key) {
        requirePositive(amount);
        String fingerprint = fingerprint(MovementKind.WITHDRAWAL, account, amount, "bank");
        long clearing = ledger.houseAccount(PAYMENT_CLEARING);
        return transaction.execute(status -> {
            Movement movement = move(MovementKind.WITHDRAWAL, account, -amount.cents(), clearing, "withdrawal", key,
                    fingerprint, null);
            if (!movement.replayed()) {
                events.publishEvent(new WithdrawalRecorded(movement.movementId(), account, amount));
            }
            return movement;
        });
    }

    @Override
    public Movement debit(AccountId account, Money amount, Purpose purpose, IdempotencyKey key) {
        requirePositive(amount);
        String fingerprint = fingerprint(MovementKind.DEBIT, account, amount,
                purpose.counterAccount() + "|" + purpose.reference());
        long counter = ledger.houseAccount(purpose.counterAccount());
        return transaction.execute(status -> move(MovementKind.DEBIT, account, -amount.cents(), counter,
                purpose.reference(), key, fingerprint, null));
    }

    /**
     * Five statements for the whole batch, whatever its size, in three round trips (four in two for
     * {@link #debitAllNewKeys}, which skips the first): find keys already used, lock the wallets and read their
     * balances (in code order, the order of every batch, so concurrent batches cannot deadlock), then in one round
     * trip set the new balances of the wallets that paid (one row per wallet, however many debits it paid), the
     * entries and the postings as two multi-row inserts (one house posting per house account, {@link BatchJournal}). Whether each debit passes is decided here, in list order
     * per wallet (the sort is stable), as a conditional update per debit would. Each posting's balance after is
     * worked back from the wallet's final balance, which the batch holds locked.
     */
    @Override
    public List<DebitOutcome> debitAll(List<BatchDebit> debits) {
        return debitAll(debits, true);
    }

    @Override
    public List<DebitOutcome> debitAllNewKeys(List<BatchDebit> debits) {
        return debitAll(debits, false);
    }

    private List<DebitOutcome> debitAll(List<BatchDebit> debits, boolean keysMayBeRecorded) {
        Map<String, Long> houseAccounts = new HashMap<>();
        for (BatchDebit debit : debits) {
            houseAccounts.computeIfAbsent(debit.purpose().counterAccount(), ledger::houseAccount);
        }
        return callersTransaction.execute(status -> debitInTransaction(debits, houseAccounts, keysMayBeRecorded));
    }

    private List<DebitOutcome> debitInTransaction(List<BatchDebit> debits, Map<String, Long> houseAccounts,
            boolean keysMayBeRecorded) {
        int n = debits.size();
        DebitOutcome[] outcomes = new DebitOutcome[n];
        String[] fingerprints = new String[n];
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            BatchDebit debit = debits.get(i);
            fingerprints[i] = fingerprint(MovementKind.DEBIT, debit.account(), debit.amount(),
                    debit.purpose().counterAccount() + "|" + debit.purpose().reference());
            keys.add(debit.key().value());
        }
        Map<String, String> recorded = n == 0 || !keysMayBeRecorded ? Map.of() : batches.recordedKeys(keys);
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BatchDebit debit = debits.get(i);
            String storedFingerprint = recorded.get(debit.key().value());
            if (storedFingerprint != null) {
                outcomes[i] = storedFingerprint.equals(fingerprints[i])
                        ? new DebitOutcome(debit, Status.REPLAYED, ledger.findByKey(debit.key()).orElseThrow()
                                .movement().asReplay())
                        : new DebitOutcome(debit, Status.KEY_REUSED, null);
            } else if (firstWithKey.putIfAbsent(debit.key().value(), i) == null) {
                candidates.add(i);
            }
        }
        candidates.sort(Comparator.comparing(i -> Ledger.walletCode(debits.get(i).account())));
        Map<String, Ledger.WalletBalance> balances = candidates.isEmpty() ? Map.of()
                : batches.lockWallets(candidates.stream().map(i -> Ledger.walletCode(debits.get(i).account()))
                        .collect(Collectors.toCollection(TreeSet::new)));
        // each wallet pays its debits in list order while it holds them, as one conditional update per debit would
        Map<String, Long> after = new TreeMap<>();
        List<Integer> paid = new ArrayList<>();
        for (int i : candidates) {
            String code = Ledger.walletCode(debits.get(i).account());
            Ledger.WalletBalance wallet = balances.get(code);
            long cents = debits.get(i).amount().cents();
            long balance = wallet == null ? 0 : after.getOrDefault(code, wallet.balanceCents());
            if (wallet != null && balance >= cents) {
                after.put(code, balance - cents);
                paid.add(i);
            } else {
                outcomes[i] = new DebitOutcome(debits.get(i), Status.INSUFFICIENT_FUNDS, null);
            }
        }
        if (!paid.isEmpty()) {
            Map<String, Ledger.WalletBalance> afterBatch = new HashMap<>();
            after.forEach((code, cents) -> afterBatch.put(code,
                    new Ledger.WalletBalance(balances.get(code).ledgerAccountId(), cents)));
            record(debits, paid, fingerprints, houseAccounts, afterBatch, outcomes);
        }
        for (int i = 0; i < n; i++) {
            if (outcomes[i] == null) {
                // the same key twice in one batch: the later one is a retry of the first
                BatchDebit debit = debits.get(i);
                int first = firstWithKey.get(debit.key().value());
                DebitOutcome firstOutcome = outcomes[first];
                outcomes[i] = !fingerprints[first].equals(fingerprints[i])
                        ? new DebitOutcome(debit, Status.KEY_REUSED, null)
                        : firstOutcome.movement() == null ? new DebitOutcome(debit, firstOutcome.status(), null)
                        : new DebitOutcome(debit, Status.REPLAYED, firstOutcome.movement().asReplay());
            }
        }
        return Arrays.asList(outcomes);
    }

    /** Entries, postings and events of the debits that passed, {@code paid} being in wallet order. */
    private void record(List<BatchDebit> debits, List<Integer> paid, String[] fingerprints,
            Map<String, Long> houseAccounts, Map<String, Ledger.WalletBalance> balances, DebitOutcome[] outcomes) {
        List<BatchJournal.Line> lines = paid.stream().map(i -> {
            BatchDebit debit = debits.get(i);
            return new BatchJournal.Line(debit.account(), -debit.amount().cents(), debit.purpose().counterAccount(),
                    debit.purpose().reference(), debit.key().value(), fingerprints[i]);
        }).toList();
        List<Movement> movements = journal.write(MovementKind.DEBIT, lines, balances, true, houseAccounts, now());
        for (int p = 0; p < paid.size(); p++) {
            int i = paid.get(p);
            outcomes[i] = new DebitOutcome(debits.get(i), Status.DEBITED, movements.get(p));
        }
    }

    @Override
    public List<Movement> creditAll(List<BatchCredit> credits) {
        Map<String, Long> houseAccounts = new HashMap<>();
        for (BatchCredit credit : credits) {
            houseAccounts.computeIfAbsent(credit.purpose().counterAccount(), ledger::houseAccount);
        }
        return callersTransaction.execute(status -> batchCredits.credit(credits, houseAccounts, now()));
    }

    @Override
    public Movement credit(AccountId account, Money amount, Purpose purpose, IdempotencyKey key) {
        requirePositive(amount);
        String fingerprint = fingerprint(MovementKind.CREDIT, account, amount,
                purpose.counterAccount() + "|" + purpose.reference());
        long counter = ledger.houseAccount(purpose.counterAccount());
        return transaction.execute(status -> move(MovementKind.CREDIT, account, amount.cents(), counter,
                purpose.reference(), key, fingerprint, null));
    }

    @Override
    public Movement reverse(UUID movementId, IdempotencyKey key) {
        String fingerprint = "REVERSAL|" + movementId;
        return transaction.execute(status -> {
            Ledger.Original original = ledger.original(movementId).orElseThrow(() -> ProblemException.of(
                    HttpStatus.NOT_FOUND, "movement-not-found", "No movement " + movementId + " in the ledger."));
            if (original.kind() == MovementKind.REVERSAL) {
                throw ProblemException.of(HttpStatus.CONFLICT, "not-reversible",
                        "Movement " + movementId + " is itself a reversal; post a new movement instead.");
            }
            return move(MovementKind.REVERSAL, original.owner(), -original.walletCents(), original.houseAccountId(),
                    original.reference(), key, fingerprint, movementId);
        });
    }

    @Override
    public Page<Movement> entries(AccountId account, int page, int size) {
        if (page < 0) {
            throw ProblemException.field("page", "min", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.field("size", "range", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new Page<>(ledger.movements(account, page, size), page, size, ledger.countMovements(account));
    }

    /** One balanced entry: the wallet changes by {@code walletCents}, the house account by the opposite. */
    private Movement move(MovementKind kind, AccountId owner, long walletCents, long houseAccountId, String reference,
            IdempotencyKey key, String fingerprint, UUID reverses) {
        UUID id = UUID.randomUUID();
        Instant at = now();
        if (!ledger.open(id, kind, key, fingerprint, reference, reverses, at)) {
            return ledger.findByKey(key).map(recorded -> replay(recorded, fingerprint))
                    .orElseThrow(() -> ProblemException.of(HttpStatus.CONFLICT, "already-reversed",
                            "Movement " + reverses + " was already reversed."));
        }
        Ledger.WalletBalance wallet = walletCents > 0 ? ledger.add(owner, walletCents, at)
                : ledger.take(owner, -walletCents).orElseThrow(() -> new InsufficientFunds(Money.ofCents(-walletCents)));
        ledger.post(id, wallet, walletCents, houseAccountId);
        events.publishEvent(new WalletMovementRecorded(owner, id, kind.name(), walletCents, wallet.balanceCents(), at));
        return new Movement(id, owner, kind, Money.ofCents(walletCents), Money.ofCents(wallet.balanceCents()),
                reference, at, false);
    }

    private static Movement replay(Ledger.Recorded recorded, String fingerprint) {
        if (!recorded.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
        return recorded.movement().asReplay();
    }

    static String fingerprint(MovementKind kind, BatchCredit credit) {
        return fingerprint(kind, credit.account(), credit.amount(),
                credit.purpose().counterAccount() + "|" + credit.purpose().reference());
    }

    /** What makes two requests "the same" for idempotency: operation, wallet, amount and purpose. */
    private static String fingerprint(MovementKind kind, AccountId account, Money amount, String purpose) {
        return kind + "|" + account + "|" + amount.cents() + "|" + purpose;
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw ProblemException.field("amount", "positive", "amount must be a positive number of cents");
        }
    }

    // PostgreSQL keeps microseconds; a replay must return the very instant the first call returned.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
