-- Organizer part: one row per bib number of a race's ranges, so a number is claimed like a place (select
-- ... for update skip locked): concurrent confirmations never wait on one counter row and never share a
-- number. Kept in step with events.bib_ranges by the organizer part; registration_id is the holder.
create table events.bib_numbers (
    race_id         uuid not null references events.races (id) on delete cascade,
    bib             int  not null check (bib > 0),
    range_id        uuid not null references events.bib_ranges (id) on delete cascade,
    registration_id uuid unique references events.registrations (id),
    primary key (race_id, bib)
);

create index bib_numbers_free on events.bib_numbers (race_id, bib) where registration_id is null;

-- The dashboard's and participant list's reads go by event.
create index registrations_by_event_status on events.registrations (event_id, status);
