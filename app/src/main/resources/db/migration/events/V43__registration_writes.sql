-- What the registration writer pays per row at an opening rush (issue 5's performance point, session 9).
--
-- Foreign keys to and from events.registrations: each is checked per row written, by a query that also locks the
-- referenced row (for key share). A confirmed registration paid eight of them: its race, its event and its order
-- at insert, then its place, its bib number and its three history rows each locking the registration just
-- written; and every writer's batch locked the same race and event rows, which PostgreSQL shares between
-- concurrent transactions through multixacts. Measured on this machine (one backend, 25 registrations a batch,
-- orders, registrations, places and three history rows each): ~0.19 ms of PostgreSQL CPU per registration with
-- them, ~0.13 ms without. These rows are only written by the events module, in one transaction with the rows they
-- name, with ids it has just generated or read, and no registration, order, race or event is ever deleted; the
-- rush's database checks look for rows naming no registration.
alter table events.registration_history drop constraint if exists registration_history_registration_id_fkey;
alter table events.places drop constraint if exists places_registration_id_fkey;
alter table events.bib_numbers drop constraint if exists bib_numbers_registration_id_fkey;
alter table events.registrations drop constraint if exists registrations_race_id_fkey,
    drop constraint if exists registrations_event_id_fkey,
    drop constraint if exists registrations_order_id_fkey;

-- Distinct bibs per race: only numbered rows need an entry (a waitlisted or offered one has none).
alter table events.registrations drop constraint registrations_bib_per_race;
create unique index registrations_bib_per_race on events.registrations (race_id, bib) where bib is not null;

-- One index instead of two: the one-live-entry rule's columns put in the participant list's order (race, last
-- name, first name), so that it also gives the public list (CONFIRMED, a live status) in name order;
-- registrations_by_name, written for every row, goes.
drop index events.registrations_one_live_per_person;
create unique index registrations_one_live_per_person on events.registrations
    (race_id, lower(last_name), lower(first_name), lower(email), birth_date)
    where status in ('CONFIRMED', 'OFFERED', 'WAITLISTED', 'ENTERED');
drop index events.registrations_by_name;
