package dev.paddock.wallet.api;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.Page;
import dev.paddock.wallet.WalletView;
import dev.paddock.wallet.Wallets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account owner's wallet over REST (JWT). Amounts are integer euro cents. */
@RestController
@RequestMapping("/api/wallet")
class WalletApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 100;

    private final Wallets wallets;

    WalletApiController(Wallets wallets) {
        this.wallets = wallets;
    }

    @GetMapping
    WalletResponse wallet(AccountId account) {
        WalletView wallet = wallets.wallet(account);
        return new WalletResponse(account.value(), WalletView.CURRENCY, wallet.balance().cents());
    }

    @GetMapping("/entries")
    EntriesResponse entries(AccountId account, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Page<Movement> entries = wallets.entries(account, page, size);
        return new EntriesResponse(entries.items().stream().map(EntryResponse::of).toList(), entries.page(),
                entries.size(), entries.total());
    }

    @PostMapping("/deposits")
    ResponseEntity<MovementResponse> deposit(AccountId account,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, @Valid @RequestBody AmountRequest body) {
        return created(account, key, k -> wallets.deposit(account, Money.ofCents(body.amount()), k));
    }

    @PostMapping("/withdrawals")
    ResponseEntity<MovementResponse> withdraw(AccountId account,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, @Valid @RequestBody AmountRequest body) {
        return created(account, key, k -> wallets.withdraw(account, Money.ofCents(body.amount()), k));
    }

    private static ResponseEntity<MovementResponse> created(AccountId account, String key,
            Function<IdempotencyKey, Movement> operation) {
        if (key == null || key.isBlank()) {
            throw ProblemException.field(IDEMPOTENCY_KEY, "required",
                    "The Idempotency-Key header is required: a unique value per intended movement.");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.field(IDEMPOTENCY_KEY, "size",
                    "The Idempotency-Key header has at most " + MAX_KEY_LENGTH + " characters.");
        }
        Movement movement = operation.apply(IdempotencyKey.fromCustomer(account, key));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED);
        if (movement.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(MovementResponse.of(movement));
    }

    record WalletResponse(UUID accountId, String currency, long balance) {
    }

    record MovementResponse(UUID movementId, String kind, long amount, long balanceAfter, Instant at) {
        static MovementResponse of(Movement movement) {
            return new MovementResponse(movement.movementId(), movement.kind().name(), movement.amount().cents(),
                    movement.balanceAfter().cents(), movement.at());
        }
    }

    record EntryResponse(UUID movementId, String kind, long amount, long balanceAfter, String reference, Instant at) {
        static EntryResponse of(Movement movement) {
            return new EntryResponse(movement.movementId(), movement.kind().name(), movement.amount().cents(),
                    movement.balanceAfter().cents(), movement.reference(), movement.at());
        }
    }

    record EntriesResponse(List<EntryResponse> items, int page, int size, long total) {
    }
}
