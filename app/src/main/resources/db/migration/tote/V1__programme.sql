-- The tote's race programme: meetings (réunions R1..), races (courses C1..), runners, pools and the legs
-- of multi-race (Big 5) pools. The betting tables come from V10 on.
--
-- Stop signal: a race stops taking bets with one conditional update
--   update tote.races set status = 'CLOSED' ... where id = ? and status = 'OPEN'
-- in the transaction that publishes RaceClosed; bet batches lock their races "for share" and accept only
-- bets whose race is OPEN at that moment, so no bet commits after the close.
-- version: optimistic locking of operator edits, bumped by every change of the row (and of its runners).
create schema if not exists tote;

create table tote.meetings (
    id         uuid primary key,
    date       date        not null,
    number     int         not null check (number between 1 and 99),
    venue      text        not null check (length(venue) between 1 and 100),
    country    text        not null check (country ~ '^[A-Z]{2}$'),
    version    bigint      not null default 0,
    created_at timestamptz not null,
    constraint meetings_number_per_day unique (date, number)
);

create table tote.races (
    id                uuid primary key,
    meeting_id        uuid        not null references tote.meetings (id),
    number            int         not null check (number between 1 and 99),
    name              text        not null check (length(name) between 1 and 100),
    starts_at         timestamptz not null,
    status            text        not null check (status in ('SCHEDULED', 'OPEN', 'CLOSED', 'RESULT_PROVISIONAL',
                                                             'RESULT_OFFICIAL', 'SETTLED', 'CANCELLED')),
    status_changed_at timestamptz not null,
    version           bigint      not null default 0,
    created_at        timestamptz not null,
    constraint races_number_per_meeting unique (meeting_id, number)
);

-- The automatic stop signal and opening look only at these few rows, many times a second.
create index races_open_by_start on tote.races (starts_at) where status = 'OPEN';
create index races_scheduled_by_start on tote.races (starts_at) where status = 'SCHEDULED';

create table tote.runners (
    race_id    uuid    not null references tote.races (id) on delete cascade,
    number     int     not null check (number between 1 and 30),
    name       text    not null check (length(name) between 1 and 100),
    non_runner boolean not null default false,
    primary key (race_id, number)
);

-- race_id is null for a Big 5 pool, whose races are its legs in tote.big5_legs.
-- status: SCHEDULED, OPEN (takes bets), CLOSED, CANCELLED; it follows the race of a single-race pool and,
-- for a Big 5, opens with its first leg and closes at the first stop signal of any of its legs.
create table tote.pools (
    id               uuid primary key,
    race_id          uuid references tote.races (id) on delete cascade,
    bet_type         text   not null,
    channel_family   text   not null check (channel_family in ('ONLINE', 'RETAIL')),
    takeout_bp       int    not null check (takeout_bp between 0 and 10000),
    min_stake_cents  bigint not null check (min_stake_cents > 0),
    unit_stake_cents bigint not null check (unit_stake_cents > 0),
    max_stake_cents  bigint not null check (max_stake_cents >= min_stake_cents),
    flexi            boolean not null,
    status           text   not null check (status in ('SCHEDULED', 'OPEN', 'CLOSED', 'CANCELLED')),
    version          bigint not null default 0,
    created_at       timestamptz not null,
    constraint pools_race_or_legs check ((bet_type = 'BIG5') = (race_id is null))
);

create unique index pools_one_per_race_type_family on tote.pools (race_id, bet_type, channel_family)
    where race_id is not null;

create table tote.big5_legs (
    pool_id uuid not null references tote.pools (id) on delete cascade,
    leg     int  not null check (leg between 1 and 5),
    race_id uuid not null references tote.races (id),
    primary key (pool_id, leg),
    constraint big5_legs_distinct_races unique (pool_id, race_id)
);

create index big5_legs_by_race on tote.big5_legs (race_id);
