-- Bets (tickets) and pool totals, written by the bet writer in batches (see BetWriter).
--
-- A ticket is stored in full at sale time: its formulation with every runner it covers (a champ total is
-- stored with its partners expanded), the number of unit combinations, the stakes, channel and country.
-- status: PENDING (durable before a remote wallet is asked), ACCEPTED, REFUSED (a durable refusal, kept so
-- that a retry with the same request id gets the same answer), CANCELLED.
-- request_id is the client's id of the intended bet, unique per account; fingerprint is the request's
-- content, to tell a retry (same content) from a reused id (other content).
-- batch is the sequence of the transaction that made the bet durable: the commit order of batches.
create table tote.bets (
    id                uuid primary key,
    account_id        uuid        not null,
    request_id        text        not null check (length(request_id) between 1 and 100),
    fingerprint       text        not null,
    pool_id           uuid        not null references tote.pools (id),
    race_id           uuid        not null references tote.races (id),
    bet_type          text        not null,
    formulation       text        not null,
    combinations      bigint      not null check (combinations > 0),
    unit_stake_cents  bigint      not null check (unit_stake_cents > 0),
    total_stake_cents bigint      not null check (total_stake_cents > 0),
    channel           text        not null check (channel in ('WEB', 'MOBILE', 'RETAIL')),
    country           text,
    status            text        not null check (status in ('PENDING', 'ACCEPTED', 'REFUSED', 'CANCELLED')),
    refusal           text,
    placed_at         timestamptz not null,
    batch             bigint      not null,
    cancelled_at      timestamptz,
    winnings_cents    bigint,
    constraint bets_request_per_account unique (account_id, request_id)
);

create index bets_by_account on tote.bets (account_id, placed_at desc);
create index bets_by_pool on tote.bets (pool_id) where status = 'ACCEPTED';

create sequence tote.bet_batches;

-- Stake per unit combination of a pool, summed over its accepted bets. The writer adds a batch's stakes
-- aggregated per combination, so a hot combination costs one row write per batch.
create table tote.pool_totals (
    pool_id         uuid   not null references tote.pools (id),
    combination_key bigint not null,
    stake_cents     bigint not null check (stake_cents >= 0),
    primary key (pool_id, combination_key)
);
