-- The wallet's double-entry ledger.
--
-- Sign convention: a posting's amount is the change of its ledger account's balance, positive when the
-- platform owes the holder more (a customer's wallet grows), negative when it owes less or holds more
-- (money arriving at the payment provider). The postings of one journal entry sum to zero, so all the
-- balances of the ledger together always sum to zero.
--
-- balance_cents is kept per posting only on accounts that must never go negative (customer wallets):
-- a debit checks and moves it with one conditional update. House accounts (tote:pools, operator:fees...)
-- would take every bet's row lock if updated on each posting, so their balance is the sum of their
-- postings and their balance_cents stays 0.
create schema if not exists wallet;

create table wallet.ledger_accounts (
    id             bigint generated always as identity primary key,
    code           text        not null unique,
    kind           text        not null check (kind in ('ASSET', 'LIABILITY', 'REVENUE', 'EXPENSE')),
    owner_account  uuid unique,
    balance_cents  bigint      not null default 0,
    allow_negative boolean     not null,
    created_at     timestamptz not null,
    constraint ledger_accounts_never_negative check (allow_negative or balance_cents >= 0),
    constraint ledger_accounts_wallet_owner check (allow_negative or owner_account is not null)
);

create table wallet.entries (
    id                  uuid primary key,
    kind                text        not null check (kind in ('DEPOSIT', 'WITHDRAWAL', 'DEBIT', 'CREDIT', 'REVERSAL')),
    idempotency_key     text        not null unique,
    request_fingerprint text        not null,
    reference           text        not null,
    reverses            uuid unique references wallet.entries (id),
    created_at          timestamptz not null
);

create table wallet.postings (
    id                bigint generated always as identity primary key,
    entry_id          uuid   not null references wallet.entries (id),
    ledger_account_id bigint not null references wallet.ledger_accounts (id),
    amount_cents      bigint not null check (amount_cents <> 0),
    -- the account's balance after this posting; null on house accounts (see above)
    balance_after     bigint
);

create index postings_by_account on wallet.postings (ledger_account_id, id desc);
create index postings_by_entry on wallet.postings (entry_id);

-- Checked at commit, once all the postings of the entry are in.
create function wallet.check_entry_balances() returns trigger language plpgsql as $$
begin
    if (select sum(amount_cents) from wallet.postings where entry_id = new.entry_id) <> 0 then
        raise exception 'journal entry % does not balance', new.entry_id using errcode = '23514';
    end if;
    return null;
end
$$;

create constraint trigger postings_balance after insert on wallet.postings
    deferrable initially deferred for each row execute function wallet.check_entry_balances();

-- The journal is append-only: a mistake is corrected by a reversal, never by editing history.
create function wallet.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the wallet journal is append-only (% on %)', tg_op, tg_table_name using errcode = '42501';
end
$$;

create trigger entries_append_only before update or delete on wallet.entries
    for each row execute function wallet.refuse_change();
create trigger postings_append_only before update or delete on wallet.postings
    for each row execute function wallet.refuse_change();

-- Deposits and payouts through the payment provider, recorded before the provider is called so that a
-- retry with the same key learns the first outcome instead of charging twice.
create table wallet.payment_attempts (
    idempotency_key     text primary key,
    operation           text        not null check (operation in ('CHARGE', 'PAYOUT')),
    owner_account       uuid        not null,
    amount_cents        bigint      not null check (amount_cents > 0),
    request_fingerprint text        not null,
    outcome             text        not null check (outcome in ('PENDING', 'APPROVED', 'DECLINED')),
    provider_reference  text,
    decline_reason      text,
    movement_id         uuid references wallet.entries (id),
    created_at          timestamptz not null,
    decided_at          timestamptz
);

insert into wallet.ledger_accounts (code, kind, allow_negative, created_at) values
    ('operator:cash', 'ASSET', true, now()),
    ('operator:payment-clearing', 'ASSET', true, now()),
    ('operator:fees', 'REVENUE', true, now()),
    ('tote:pools', 'LIABILITY', true, now()),
    ('tote:payouts', 'LIABILITY', true, now());
