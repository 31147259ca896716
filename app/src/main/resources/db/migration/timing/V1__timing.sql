-- Race-day timing: each race's course (timing points), waves, the passings the timing lines send (every one
-- kept with the verdict it got), statuses and manual corrections. Athletes are the events module's
-- confirmed registrations, known here by race and bib.
create schema if not exists timing;

-- official_clock: GUN or NET ranks the overall results. fastest_per_km_ms: a crossing faster than this pace
-- since the previous point is implausible. same_read_ms: two reads closer than this are one crossing.
-- time_limit_ms: finishers after it are OVER_TIME_LIMIT (null: none). lap_race: rank most laps first.
-- started_at: the start signal of every athlete outside a wave; null until the starter fires it.
create table timing.races (
    race_id          uuid primary key,
    official_clock   text        not null default 'GUN' check (official_clock in ('GUN', 'NET')),
    fastest_per_km_ms bigint     not null default 150000 check (fastest_per_km_ms > 0),
    same_read_ms     bigint      not null default 30000 check (same_read_ms >= 0),
    time_limit_ms    bigint check (time_limit_ms > 0),
    lap_race         boolean     not null default false,
    precision        text        not null default 'SECONDS' check (precision in ('SECONDS', 'TENTHS', 'HUNDREDTHS')),
    started_at       timestamptz,
    version          bigint      not null default 0
);

create table timing.points (
    race_id    uuid not null references timing.races (race_id) on delete cascade,
    position   int  not null check (position >= 0),
    code       text not null,
    kind       text not null check (kind in ('START', 'SPLIT', 'FINISH', 'LAP')),
    distance_m int  not null check (distance_m >= 0),
    primary key (race_id, code),
    constraint points_position_per_race unique (race_id, position)
);

-- A wave starts its bib range at its own signal; started_at is null until the starter fires it.
create table timing.waves (
    race_id    uuid not null references timing.races (race_id) on delete cascade,
    code       text not null check (length(code) between 1 and 20),
    first_bib  int  not null check (first_bib > 0),
    last_bib   int  not null check (last_bib >= first_bib),
    started_at timestamptz,
    primary key (race_id, code)
);

-- Every read as sent, idempotent per (race, line, source_id): sending it again changes nothing.
-- verdict: COUNTED (counts now), DUPLICATE (merged into another read), REPLACED (was counted, an earlier
-- read of the same crossing replaced it), REJECTED (reason and detail kept for review), UNKNOWN_BIB.
create table timing.passings (
    id          bigserial primary key,
    race_id     uuid        not null references timing.races (race_id) on delete cascade,
    line        text        not null check (line in ('MAIN', 'BACKUP', 'MANUAL', 'IMPORT')),
    source_id   text        not null check (length(source_id) between 1 and 100),
    bib         int         not null check (bib > 0),
    point       text        not null,
    at          timestamptz not null,
    received_at timestamptz not null,
    verdict     text        not null check (verdict in ('COUNTED', 'DUPLICATE', 'REPLACED', 'REJECTED', 'UNKNOWN_BIB')),
    reason      text,
    detail      text,
    constraint passings_once_per_line unique (race_id, line, source_id)
);

create index passings_counted_by_bib on timing.passings (race_id, bib) where verdict = 'COUNTED';
create index passings_for_review on timing.passings (race_id, id) where verdict in ('REJECTED', 'UNKNOWN_BIB');

-- A status set by the timing operator (DNS, DNF, DSQ, NOT_CLASSIFIED), or cleared (status null).
create table timing.statuses (
    race_id uuid        not null references timing.races (race_id) on delete cascade,
    bib     int         not null,
    status  text        not null check (status in ('DNS', 'DNF', 'DSQ', 'NOT_CLASSIFIED')),
    primary key (race_id, bib)
);

-- Every manual change, with who and why: a status set or cleared, a passing added, counted or discarded.
create table timing.corrections (
    id         bigserial primary key,
    race_id    uuid        not null references timing.races (race_id) on delete cascade,
    bib        int         not null,
    kind       text        not null check (kind ~ '^[A-Z_]{3,40}$'),
    details    jsonb       not null default '{}',
    by_account uuid        not null,
    reason     text        not null check (length(reason) between 3 and 500),
    at         timestamptz not null
);

create index corrections_by_race on timing.corrections (race_id, id);
