-- Pool totals out of the bet transaction. Each bet batch added its stakes to tote.pool_totals itself (V18, V19): one
-- index look-up and one row update per combination, hundreds a batch once combined Quinté+ and Big 5 tickets are
-- expanded, and the other writer waiting on the hot rows until that batch committed. In a run at 5,000 bets/s
-- (pg_stat_statements, track all) that call was the writers' most expensive statement: 10.0 s of 33 s.
--
-- Now a batch (a saga's completion, a cancellation) appends its change as one row: the (pool, combination, cents)
-- arrays it used to send, its stakes summed per combination. PoolTotalsKeeper folds the changes into tote.pool_totals
-- about every second, one fold at a time across nodes (tote.fold_pool_total_changes). The changes are written in the
-- same transaction as the bets they count, so nothing is lost in a crash, and tote.pool_stakes (the totals plus the
-- changes not folded yet) is exact at every moment: readers that need a pool's stakes read it.
create table tote.pool_total_changes (
    id    bigint generated always as identity primary key,
    pools uuid[]   not null,
    keys  bigint[] not null,
    cents bigint[] not null,
    check (cardinality(pools) = cardinality(keys) and cardinality(keys) = cardinality(cents))
);

create view tote.pool_stakes as
select pool_id, combination_key, sum(stake_cents)::bigint as stake_cents
from (select pool_id, combination_key, stake_cents from tote.pool_totals
      union all
      select c.pool_id, c.combination_key, c.cents
      from tote.pool_total_changes j, unnest(j.pools, j.keys, j.cents) as c(pool_id, combination_key, cents)) s
group by pool_id, combination_key;

-- Folds up to max_changes changes, oldest first, into tote.pool_totals and deletes them, in the caller's transaction;
-- returns how many it folded, or -1 when another transaction is folding (one fold at a time: a cancellation's change
-- then never reaches the totals before the stake it takes back). Oldest first by id: a cancellation's change is
-- written after its bet's commit, so its id is larger and it is folded with or after the bet's. Rows that exist are
-- updated and the others inserted, not upserted: an upsert checks the row it proposes to insert, so a net negative
-- change to an existing row would break the totals' check constraint (stake_cents >= 0). Only one fold runs at a
-- time and nothing else writes the totals, so no row appears between the two.
create function tote.fold_pool_total_changes(max_changes int) returns int language plpgsql as $$
declare
    folded int;
begin
    if not pg_try_advisory_xact_lock(hashtext('tote.fold_pool_total_changes')) then
        return -1;
    end if;
    with taken as (
        delete from tote.pool_total_changes j
        where j.id in (select id from tote.pool_total_changes order by id limit max_changes)
        returning j.pools, j.keys, j.cents),
    counted as (select count(*) as n from taken),
    summed as (
        select c.pool_id, c.combination_key, sum(c.cents)::bigint as cents
        from taken t, unnest(t.pools, t.keys, t.cents) as c(pool_id, combination_key, cents)
        group by c.pool_id, c.combination_key),
    updated as (
        update tote.pool_totals p set stake_cents = p.stake_cents + s.cents
        from summed s where p.pool_id = s.pool_id and p.combination_key = s.combination_key
        returning p.pool_id, p.combination_key),
    written as (
        insert into tote.pool_totals (pool_id, combination_key, stake_cents)
        select s.pool_id, s.combination_key, s.cents from summed s
        where not exists (select 1 from updated u where u.pool_id = s.pool_id and u.combination_key = s.combination_key)
        returning 1)
    select (select n from counted) into folded from (select count(*) from written) w;
    return folded;
end
$$;

-- The batches no longer call these (V18, V19).
drop function tote.add_stakes_to_pool_totals(uuid[], bigint[], bigint[]);
drop function tote.add_to_pool_totals(uuid[], bigint[], bigint[]);

-- A pool with stakes not folded yet took bets too.
create or replace function tote.refuse_deleting_a_pool_that_took_bets() returns trigger language plpgsql as $$
begin
    if exists (select 1 from tote.races r where r.id = old.race_id and r.status <> 'SCHEDULED')
       or exists (select 1 from tote.big5_legs l join tote.races r on r.id = l.race_id
                  where l.pool_id = old.id and r.status <> 'SCHEDULED')
       or exists (select 1 from tote.pool_stakes t where t.pool_id = old.id) then
        raise exception 'pool % may have taken bets: it cannot be deleted', old.id using errcode = '23503';
    end if;
    return old;
end
$$;
