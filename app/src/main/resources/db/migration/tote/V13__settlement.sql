-- Settlement: versioned dividend rules, one settlement per pool with its accounts, the published dividends,
-- reserve funds, and what each ticket was paid. (V12 holds the results: the arrivals entered by operators.)

-- Every rule set the application ever loaded from its configuration, numbered; a settlement names the one it used.
-- rules: {"ONLINE": {"SIMPLE_GAGNANT": <PoolRules as JSON>, ...}, "RETAIL": {...}}
create table tote.rule_sets (
    version   int primary key,
    digest    text        not null unique,
    rules     jsonb       not null,
    loaded_at timestamptz not null
);

-- The reserve funds (Quinté+ "Tirelire", Big 5), per bet type and channel family. Every move names the pool
-- that made it, once (the primary key makes a restarted settlement move nothing twice).
create table tote.reserve_funds (
    bet_type       text   not null,
    channel_family text   not null,
    balance_cents  bigint not null check (balance_cents >= 0),
    primary key (bet_type, channel_family)
);

create table tote.reserve_moves (
    pool_id      uuid        not null references tote.pools (id),
    bet_type     text        not null,
    channel_family text      not null,
    amount_cents bigint      not null,
    moved_at     timestamptz not null,
    primary key (pool_id, bet_type, channel_family)
);

-- One row per settled pool. COMPUTED: dividends stored, tickets being paid; PAID: every ticket paid.
-- The money columns are the engine's PoolAccounts; paid_* are the sums actually credited per ticket
-- (stake x dividend rounded to the cent per ticket), their difference with payouts_cents is ticket rounding.
-- arrivals: the result version of each race the dividends used, e.g. {"<raceId>": 3}.
create table tote.pool_settlements (
    pool_id               uuid primary key references tote.pools (id),
    rule_set_version      int         not null references tote.rule_sets (version),
    takeout_bp            int         not null,
    arrivals              jsonb       not null,
    status                text        not null check (status in ('COMPUTED', 'PAID')),
    whole_pool_refunded   boolean     not null,
    stakes_cents          bigint      not null,
    refunds_cents         bigint      not null,
    takeout_cents         bigint      not null,
    reserve_in_cents      bigint      not null,
    reserve_out_cents     bigint      not null,
    operator_top_up_cents bigint      not null,
    payouts_cents         bigint      not null,
    breakage_cents        bigint      not null,
    paid_winnings_cents   bigint,
    paid_refunds_cents    bigint,
    winning_tickets       bigint,
    refunded_tickets      bigint,
    computed_at           timestamptz not null,
    paid_at               timestamptz
);

-- The dividends of a settled pool: per paid rank (rank_order 1 = top rank) its winning combinations.
-- runners: the combination as people read it, e.g. "3-1-7" (Big 5: legs separated by "/").
create table tote.dividends (
    pool_id         uuid   not null references tote.pool_settlements (pool_id),
    rank            text   not null,
    rank_order      int    not null,
    combination_key bigint not null,
    runners         text   not null,
    dividend_cents  bigint not null check (dividend_cents > 0),
    stake_cents     bigint not null check (stake_cents >= 0),
    primary key (pool_id, rank, combination_key)
);

-- What a ticket got, written in the same transaction as its wallet credit; null until paid. Losing tickets are
-- never written: once their pool is PAID, a ticket with null winnings and refund has lost.
alter table tote.bets add column refund_cents bigint;
alter table tote.bets add column settled_at timestamptz;

-- A Big 5 pool's guaranteed net pool, set by the operator: topped up from the Big 5 reserve fund, then by the
-- operator, when the stakes fall short. 0 = no guarantee.
alter table tote.pools add column guaranteed_cents bigint not null default 0 check (guaranteed_cents >= 0);

-- Settlement writes what each winning ticket got: room left in each page lets PostgreSQL update a ticket in
-- place (a HOT update, no index touched) instead of writing a new version into every index of the table.
alter table tote.bets set (fillfactor = 80);
