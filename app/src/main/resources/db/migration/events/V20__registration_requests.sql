-- The registration part's idempotency: one row per (buyer, requestId) of the registration API (individual,
-- team, join, accept), claimed first in the transaction that carries out the request. A concurrent retry
-- waits on the primary key and then reads the stored answer; the fingerprint (a hash of the request's
-- content) tells a replay from a requestId reused with other content. WAITLISTED and ENTERED answers have
-- no order, so orders.request_id alone cannot serve as the key.
create table events.registration_requests (
    account_id  uuid        not null,
    request_id  text        not null check (length(request_id) between 1 and 100),
    fingerprint text        not null,
    answer      jsonb,
    created_at  timestamptz not null,
    primary key (account_id, request_id)
);

-- Waitlist order across races: only the order within a race matters, so one sequence serves them all
-- without a counter row that every waitlisted athlete of a sold-out race would queue on.
create sequence events.waitlist_positions;
