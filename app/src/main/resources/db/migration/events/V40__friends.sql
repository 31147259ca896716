-- An athlete's friends (account part). Adding someone by e-mail writes one row (account_id follows
-- friend_account_id); the two are friends when both rows exist, i.e. the other added them back. Only friends
-- see each other's registrations, so knowing an e-mail address is not enough to see someone's races.
create table events.friends (
    account_id        uuid        not null,
    friend_account_id uuid        not null,
    created_at        timestamptz not null,
    primary key (account_id, friend_account_id),
    constraint friends_not_self check (account_id <> friend_account_id)
);

create index friends_by_friend on events.friends (friend_account_id);
