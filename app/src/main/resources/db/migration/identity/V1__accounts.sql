create schema if not exists identity;

-- E-mail is stored normalised (trimmed, lower case), so the unique constraint is the uniqueness rule.
create table identity.accounts (
    id                           uuid primary key,
    email                        varchar(254) not null unique,
    display_name                 varchar(60)  not null,
    password_hash                varchar(200) not null,
    date_of_birth                date         not null,
    country_of_residence         char(2)      not null,
    failed_logins                integer      not null default 0,
    locked_until                 timestamptz,
    self_excluded_until          timestamptz,
    weekly_stake_limit           bigint check (weekly_stake_limit > 0),
    -- A raise or removal of the weekly limit waits for a cooling-off period; a removal is pending_limit_set
    -- with a null pending_weekly_stake_limit.
    pending_limit_set            boolean      not null default false,
    pending_weekly_stake_limit   bigint check (pending_weekly_stake_limit > 0),
    pending_limit_effective_at   timestamptz,
    created_at                   timestamptz  not null
);

create index accounts_display_name on identity.accounts (lower(display_name));

create table identity.account_roles (
    account_id uuid        not null references identity.accounts (id) on delete cascade,
    role       varchar(20) not null,
    primary key (account_id, role)
);

-- Only SHA-256 hashes of tokens are stored: a database leak does not leak usable tokens.
create table identity.refresh_tokens (
    token_hash char(64)    primary key,
    family_id  uuid        not null,
    account_id uuid        not null references identity.accounts (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index refresh_tokens_family on identity.refresh_tokens (family_id);
create index refresh_tokens_account on identity.refresh_tokens (account_id);

create table identity.password_reset_tokens (
    token_hash char(64)    primary key,
    account_id uuid        not null references identity.accounts (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index password_reset_tokens_account on identity.password_reset_tokens (account_id);
