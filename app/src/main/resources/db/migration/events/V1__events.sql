-- Sports events: the catalogue (events, races, price tiers, promo codes, the organizer's custom fields),
-- orders and registrations, the places that make capacity impossible to oversell, teams, waitlist and
-- lottery, bibs, and every registration's history. Later migrations of this folder add to it; each part of
-- the module owns a range of versions (see dev/paddock/events/package-info.java).
create schema if not exists events;

-- status: DRAFT (only its organizer and operators see it), PUBLISHED, CANCELLED.
-- refund_policy: [{"daysBefore": 30, "percent": 100}, {"daysBefore": 7, "percent": 50}]: a cancellation
-- made at least daysBefore days before the event's first race gets percent of what was paid back; the
-- first matching step (largest daysBefore first) applies, none = no refund.
-- transfer_deadline / transfer_fee_cents: until when a place may be handed to another person, and at what fee.
create table events.events (
    id                 uuid primary key,
    slug               text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,80}$'),
    organizer_id       uuid        not null,
    name               text        not null check (length(name) between 1 and 120),
    sport              text        not null check (sport in ('RUNNING', 'TRAIL', 'CYCLING', 'TRIATHLON',
                                                             'SKI_MOUNTAINEERING', 'SWIMMING', 'OTHER')),
    description        text        not null default '' check (length(description) <= 10000),
    venue              text        not null check (length(venue) between 1 and 120),
    region             text        not null default '' check (length(region) <= 80),
    country            text        not null check (country ~ '^[A-Z]{2}$'),
    zone               text        not null,
    starts_on          date        not null,
    ends_on            date        not null check (ends_on >= starts_on),
    status             text        not null check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    refund_policy      jsonb       not null default '[]',
    transfer_deadline  timestamptz,
    transfer_fee_cents bigint      not null default 0 check (transfer_fee_cents >= 0),
    version            bigint      not null default 0,
    created_at         timestamptz not null
);

create index events_by_organizer on events.events (organizer_id);
create index events_published_by_date on events.events (starts_on) where status = 'PUBLISHED';

-- mode: FIRST_COME (pay and get a place while places last, then the waitlist) or LOTTERY (entries collected
-- between registration_opens_at and registration_closes_at, then drawn).
-- registration: SCHEDULED (opens by itself at registration_opens_at), OPEN, CLOSED (by the organizer or at
-- registration_closes_at).
-- fields: the organizer's custom fields, a JSON array of dev.paddock.events.fields.FieldDefinition.
-- Team races have team_min_size/team_max_size (members, substitutes excluded), team_substitutes (how many
-- more may be registered as substitutes) and team_gender_rule (ANY, MIXED: at least one woman and one man,
-- SAME: all of one gender); individual races have them null/0/ANY.
-- bib_mode: AT_PAYMENT (a bib as soon as the place is paid) or AFTER_CLOSE (one run by the organizer).
create table events.races (
    id                      uuid primary key,
    event_id                uuid        not null references events.events (id),
    code                    text        not null check (code ~ '^[a-z0-9][a-z0-9-]{0,30}$'),
    name                    text        not null check (length(name) between 1 and 120),
    distance_m              int         not null check (distance_m > 0),
    elevation_gain_m        int         not null default 0 check (elevation_gain_m >= 0),
    starts_at               timestamptz not null,
    capacity                int         not null check (capacity between 0 and 1000000),
    mode                    text        not null default 'FIRST_COME' check (mode in ('FIRST_COME', 'LOTTERY')),
    registration            text        not null default 'SCHEDULED'
                                        check (registration in ('SCHEDULED', 'OPEN', 'CLOSED')),
    registration_opens_at   timestamptz not null,
    registration_closes_at  timestamptz not null check (registration_closes_at > registration_opens_at),
    min_age                 int check (min_age between 0 and 120),
    max_age                 int check (max_age between 0 and 120),
    fields                  jsonb       not null default '[]',
    team_min_size           int check (team_min_size between 1 and 50),
    team_max_size           int check (team_max_size between 1 and 50),
    team_substitutes        int         not null default 0 check (team_substitutes between 0 and 10),
    team_gender_rule        text        not null default 'ANY' check (team_gender_rule in ('ANY', 'MIXED', 'SAME')),
    bib_mode                text        not null default 'AT_PAYMENT' check (bib_mode in ('AT_PAYMENT', 'AFTER_CLOSE')),
    waitlist_offer_hours    int         not null default 48 check (waitlist_offer_hours between 1 and 720),
    lottery_seed            text,
    lottery_drawn_at        timestamptz,
    version                 bigint      not null default 0,
    created_at              timestamptz not null,
    constraint races_code_per_event unique (event_id, code),
    constraint races_team_sizes check ((team_min_size is null) = (team_max_size is null)
                                       and (team_max_size is null or team_max_size >= team_min_size))
);

create index races_by_event on events.races (event_id);

-- Price tiers by date window (early bird, regular, late): the tier whose [starts_at, ends_at) holds the
-- moment of payment applies. Windows of one race do not overlap.
create table events.price_tiers (
    id          uuid primary key,
    race_id     uuid        not null references events.races (id) on delete cascade,
    name        text        not null check (length(name) between 1 and 60),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null check (ends_at > starts_at),
    price_cents bigint      not null check (price_cents >= 0)
);

create index price_tiers_by_race on events.price_tiers (race_id, starts_at);

-- kind AMOUNT: value_cents off each place; PERCENT: percent off. race_ids null = every race of the event.
-- first_time_only: only for an account without an earlier paid order on the platform's events.
create table events.promo_codes (
    id              uuid primary key,
    event_id        uuid        not null references events.events (id) on delete cascade,
    code            text        not null check (code ~ '^[A-Z0-9-]{3,30}$'),
    kind            text        not null check (kind in ('AMOUNT', 'PERCENT')),
    value_cents     bigint check (value_cents > 0),
    percent         int check (percent between 1 and 100),
    race_ids        uuid[],
    valid_until     timestamptz,
    max_uses        int check (max_uses > 0),
    uses            int         not null default 0,
    first_time_only boolean     not null default false,
    created_at      timestamptz not null,
    constraint promo_codes_code_per_event unique (event_id, code),
    constraint promo_codes_kind_value check ((kind = 'AMOUNT') = (value_cents is not null)
                                             and (kind = 'PERCENT') = (percent is not null)),
    constraint promo_codes_uses check (max_uses is null or uses <= max_uses)
);

-- One order per purchase (one athlete, a whole team, an accepted waitlist offer): what the buyer paid and
-- how. request_id is the client's idempotency key: the same one again returns this order.
-- status: PAID, REFUNDED (everything given back), PARTLY_REFUNDED.
create table events.orders (
    id                uuid primary key,
    account_id        uuid        not null,
    event_id          uuid        not null references events.events (id),
    request_id        text        not null check (length(request_id) between 1 and 100),
    status            text        not null check (status in ('PAID', 'REFUNDED', 'PARTLY_REFUNDED')),
    payment_method    text        not null check (payment_method in ('WALLET', 'CARD', 'FREE')),
    subtotal_cents    bigint      not null check (subtotal_cents >= 0),
    discount_cents    bigint      not null default 0 check (discount_cents >= 0),
    total_cents       bigint      not null check (total_cents = subtotal_cents - discount_cents),
    refunded_cents    bigint      not null default 0 check (refunded_cents between 0 and total_cents),
    promo_code_id     uuid references events.promo_codes (id),
    created_at        timestamptz not null,
    constraint orders_request_per_account unique (account_id, request_id)
);

create index orders_by_account on events.orders (account_id, created_at desc);
create index orders_by_event on events.orders (event_id, created_at);

-- A team of a team race. join_code lets members join the team themselves.
create table events.teams (
    id                 uuid primary key,
    race_id            uuid        not null references events.races (id),
    name               text        not null check (length(name) between 1 and 80),
    captain_account_id uuid        not null,
    join_code          text        not null unique check (join_code ~ '^[A-Z0-9]{6,12}$'),
    created_at         timestamptz not null,
    constraint teams_name_per_race unique (race_id, name)
);

-- One athlete's entry in one race; the person may or may not have an account (a team member entered by the
-- captain, a friend). account_id is the athlete's account when known, buyer_account_id who registered them.
-- status:
--   CONFIRMED   holds a paid place (order_id set)
--   OFFERED     holds a place offered from the waitlist or won in the lottery, to accept and pay before
--               offer_expires_at
--   WAITLISTED  waiting for a place, in waitlist_position order
--   ENTERED     a lottery entry awaiting the draw
--   NOT_DRAWN   a lottery entry that was not drawn (and is not on the waitlist)
--   EXPIRED     an offer that lapsed
--   CANCELLED   cancelled by the athlete, the organizer or an operator
-- answers: the custom field values, a JSON object keyed by FieldDefinition.key, valid against the race's
-- fields when written.
-- team_role: MEMBER or SUBSTITUTE for team races, null otherwise.
create table events.registrations (
    id                uuid primary key,
    race_id           uuid        not null references events.races (id),
    event_id          uuid        not null references events.events (id),
    order_id          uuid references events.orders (id),
    account_id        uuid,
    buyer_account_id  uuid        not null,
    team_id           uuid references events.teams (id),
    team_role         text check (team_role in ('MEMBER', 'SUBSTITUTE')),
    status            text        not null check (status in ('CONFIRMED', 'OFFERED', 'WAITLISTED', 'ENTERED',
                                                             'NOT_DRAWN', 'EXPIRED', 'CANCELLED')),
    first_name        text        not null check (length(first_name) between 1 and 60),
    last_name         text        not null check (length(last_name) between 1 and 60),
    gender            text        not null check (gender in ('F', 'M', 'X')),
    birth_date        date        not null,
    nationality       text        not null check (nationality ~ '^[A-Z]{2}$'),
    email             text        not null check (length(email) between 3 and 254),
    answers           jsonb       not null default '{}',
    predicted_seconds int check (predicted_seconds > 0),
    price_cents       bigint      not null default 0 check (price_cents >= 0),
    bib               int check (bib > 0),
    waitlist_position bigint,
    offer_expires_at  timestamptz,
    created_at        timestamptz not null,
    confirmed_at      timestamptz,
    version           bigint      not null default 0,
    constraint registrations_bib_per_race unique (race_id, bib),
    constraint registrations_team_role check ((team_id is null) = (team_role is null)),
    constraint registrations_paid check (status <> 'CONFIRMED' or order_id is not null)
);

create index registrations_by_race on events.registrations (race_id, status);
create index registrations_by_account on events.registrations (account_id) where account_id is not null;
create index registrations_by_buyer on events.registrations (buyer_account_id);
create index registrations_by_team on events.registrations (team_id) where team_id is not null;
create index registrations_waitlist on events.registrations (race_id, waitlist_position) where status = 'WAITLISTED';
create index registrations_offers_due on events.registrations (offer_expires_at) where status = 'OFFERED';
create index registrations_by_name on events.registrations (race_id, lower(last_name), lower(first_name));
-- No one holds two live entries in the same race.
create unique index registrations_one_live_per_person on events.registrations
    (race_id, lower(email), lower(first_name), lower(last_name), birth_date)
    where status in ('CONFIRMED', 'OFFERED', 'WAITLISTED', 'ENTERED');

-- The race's places, one row each, numbered 1..capacity: a registration takes a place by claiming a free
-- row (select ... for update skip locked), so concurrent buyers never wait on one hot row and a race can
-- never hold more CONFIRMED or OFFERED registrations than it has rows. Raising the capacity adds rows;
-- lowering it deletes free rows only.
create table events.places (
    race_id         uuid not null references events.races (id) on delete cascade,
    number          int  not null check (number > 0),
    registration_id uuid unique references events.registrations (id),
    primary key (race_id, number)
);

create index places_free on events.places (race_id, number) where registration_id is null;

-- Everything that happened to a registration, oldest first: created, paid, waitlisted, offered, accepted,
-- expired, transferred (race changed), handed over (person changed), cancelled, refunded, bib assigned,
-- moved or refunded by an operator. details holds what changed (old and new values, amounts, movement ids).
-- actor_account_id is null for the system (an expired offer, the lottery draw).
create table events.registration_history (
    id               bigserial primary key,
    registration_id  uuid        not null references events.registrations (id),
    at               timestamptz not null,
    kind             text        not null check (kind ~ '^[A-Z_]{3,40}$'),
    actor_account_id uuid,
    details          jsonb       not null default '{}'
);

create index registration_history_by_registration on events.registration_history (registration_id, id);

-- Bib number ranges per race (and wave); team races hand each team a block of consecutive numbers.
create table events.bib_ranges (
    id        uuid primary key,
    race_id   uuid not null references events.races (id) on delete cascade,
    first_bib int  not null check (first_bib > 0),
    last_bib  int  not null check (last_bib >= first_bib),
    wave      text check (length(wave) between 1 and 40)
);

create index bib_ranges_by_race on events.bib_ranges (race_id, first_bib);
