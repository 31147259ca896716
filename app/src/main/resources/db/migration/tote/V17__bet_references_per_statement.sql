-- A foreign key checks each inserted row with a query of its own that also locks the referenced row: the pool and
-- race of each bet, the pool of each new pool-total row. In a run at 5,000 bets/s offered (pg_stat_statements,
-- track all) these checks took 13.8 s of the 42 s spent in the two insert statements of the bet writers, most of it
-- on the pools' rows (41 us a check). The writers insert a batch's bets and pool totals with one statement each,
-- so the same references are checked once per statement, over the rows that statement inserted, without locks.
alter table tote.bets drop constraint bets_pool_id_fkey;
alter table tote.bets drop constraint bets_race_id_fkey;
alter table tote.pool_totals drop constraint pool_totals_pool_id_fkey;

create function tote.check_inserted_bets_references() returns trigger language plpgsql as $$
declare
    missing uuid;
begin
    -- a batch names a few pools and races, each looked up once; a scalar subquery is an index look-up, whatever
    -- the planner thinks of the transition table's size
    select b.pool_id into missing from (select distinct pool_id, race_id from inserted_bets) b
    where (select true from tote.pools p where p.id = b.pool_id) is null
       or (select true from tote.races r where r.id = b.race_id) is null
    limit 1;
    if missing is not null then
        raise exception 'a bet names a pool or race that does not exist (pool %)', missing using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger bets_references after insert on tote.bets referencing new table as inserted_bets
    for each statement execute function tote.check_inserted_bets_references();

create function tote.check_inserted_totals_references() returns trigger language plpgsql as $$
declare
    missing uuid;
begin
    select t.pool_id into missing from (select distinct pool_id from inserted_totals) t
    where (select true from tote.pools p where p.id = t.pool_id) is null
    limit 1;
    if missing is not null then
        raise exception 'pool % does not exist', missing using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger pool_totals_references after insert on tote.pool_totals referencing new table as inserted_totals
    for each statement execute function tote.check_inserted_totals_references();

-- What the keys also did: refuse to delete a pool or race that bets name. Bets are taken only while their races
-- are OPEN (BetWriter locks them for share), and a race never goes back to SCHEDULED, so a pool, or a race, may
-- be deleted only while it has never been open (editing a scheduled race drops the pools of the bet types it no
-- longer offers).
create function tote.refuse_deleting_a_pool_that_took_bets() returns trigger language plpgsql as $$
begin
    if exists (select 1 from tote.races r where r.id = old.race_id and r.status <> 'SCHEDULED')
       or exists (select 1 from tote.big5_legs l join tote.races r on r.id = l.race_id
                  where l.pool_id = old.id and r.status <> 'SCHEDULED')
       or exists (select 1 from tote.pool_totals t where t.pool_id = old.id) then
        raise exception 'pool % may have taken bets: it cannot be deleted', old.id using errcode = '23503';
    end if;
    return old;
end
$$;

create trigger pools_keep_bets before delete on tote.pools
    for each row execute function tote.refuse_deleting_a_pool_that_took_bets();

create function tote.refuse_deleting_a_race_that_opened() returns trigger language plpgsql as $$
begin
    if old.status <> 'SCHEDULED' then
        raise exception 'race % has been open: it cannot be deleted', old.id using errcode = '23503';
    end if;
    return old;
end
$$;

create trigger races_keep_bets before delete on tote.races
    for each row execute function tote.refuse_deleting_a_race_that_opened();
