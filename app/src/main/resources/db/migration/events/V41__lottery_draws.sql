-- A lottery race's draw as published (account part): the seed, the digest of the entry list (SHA-256 of the
-- sorted entry ids, one per line) and the drawn order, so anyone can re-run it. entries is a JSON array in drawn
-- order of {"entryId", "initials", "places", "ticket", "won"}; an entry is a registration or a whole team.
create table events.lottery_draws (
    race_id       uuid primary key references events.races (id),
    seed          text        not null check (length(seed) between 1 and 200),
    entries_digest text       not null,
    entries       jsonb       not null,
    drawn_by      uuid        not null,
    drawn_at      timestamptz not null
);
