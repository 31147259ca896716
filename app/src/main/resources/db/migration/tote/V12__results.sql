-- Results: the arrival operators enter after a race, and every entry, correction and confirmation of it.
--
-- finish: the finishing order in the notation operators type, positions separated by a space and runners
-- sharing a position (dead heat) by "=": '3 1=7 5 2' is 3 first, 1 and 7 tied second (no third), 5 fourth,
-- 2 fifth. disqualified runners started but are never placed. Non-runners are tote.runners.non_runner.
-- version: 1 for the first entry, plus one for each correction; official_at is set when the version in place
-- became official and cleared by a correction (the race goes back to RESULT_PROVISIONAL).
create table tote.arrivals (
    race_id      uuid primary key references tote.races (id),
    version      int         not null check (version >= 1),
    finish       text        not null check (finish ~ '^[0-9]+(=[0-9]+)*( [0-9]+(=[0-9]+)*)*$'),
    disqualified int[]       not null,
    official     boolean     not null,
    entered_by   uuid        not null,
    entered_at   timestamptz not null,
    official_by  uuid,
    official_at  timestamptz,
    constraint arrivals_official_when check (official = (official_at is not null and official_by is not null))
);

-- What happened to a race's arrival, in order (seq 1, 2...): ENTERED (version 1), CORRECTED (a new version,
-- with its reason), OFFICIAL (the version made official). Rows are only ever inserted.
create table tote.arrival_history (
    race_id      uuid        not null references tote.races (id),
    seq          int         not null check (seq >= 1),
    action       text        not null check (action in ('ENTERED', 'CORRECTED', 'OFFICIAL')),
    version      int         not null check (version >= 1),
    finish       text        not null,
    disqualified int[]       not null,
    reason       text check (length(reason) <= 500),
    by_account   uuid        not null,
    at           timestamptz not null,
    primary key (race_id, seq),
    constraint arrival_history_corrections_say_why check (action <> 'CORRECTED' or reason is not null)
);
