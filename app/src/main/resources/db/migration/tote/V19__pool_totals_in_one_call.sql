-- A batch added its stakes in two round trips (tote V18): the insert of the combinations without a row, then
-- tote.add_to_pool_totals for the others. This function does both in one call, with the same statements in the same
-- order: the insert (each combination looked up in the index first, rows in the arrays' order, a combination another
-- transaction inserts meanwhile left to the update), then the update of every combination the insert did not write.
-- Each statement of a plpgsql function takes its own snapshot, so the update sees what another transaction
-- committed while the insert waited for it, as the second round trip did; the plans are prepared once per
-- connection. The planner settings are V18's: rows reached in the arrays' order (the primary key's, as the caller
-- sorts them), or at worst in the index's, the same order.
--
-- Returns the rows inserted plus the rows updated: the caller checks it equals the number of combinations.
create function tote.add_stakes_to_pool_totals(pools uuid[], keys bigint[], cents bigint[]) returns bigint
    language plpgsql
    set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off set enable_bitmapscan = off
as $$
declare
    new_pools uuid[];
    new_keys  bigint[];
    updated   bigint;
begin
    with inserted as (
        insert into tote.pool_totals (pool_id, combination_key, stake_cents)
        select d.pool_id, d.combination_key, d.cents
        from unnest(pools, keys, cents) with ordinality as d(pool_id, combination_key, cents, n)
        where (select true from tote.pool_totals t
               where t.pool_id = d.pool_id and t.combination_key = d.combination_key) is null
        order by d.n
        on conflict (pool_id, combination_key) do nothing
        returning pool_id, combination_key)
    select array_agg(i.pool_id), array_agg(i.combination_key) into new_pools, new_keys from inserted i;

    with changed as (
        update tote.pool_totals t set stake_cents = t.stake_cents + d.cents
        from unnest(pools, keys, cents) as d(pool_id, combination_key, cents)
        where t.pool_id = d.pool_id and t.combination_key = d.combination_key
          and not exists (select 1 from unnest(new_pools, new_keys) as i(pool_id, combination_key)
                          where i.pool_id = d.pool_id and i.combination_key = d.combination_key)
        returning 1)
    select count(*) into updated from changed;

    return updated + coalesce(cardinality(new_pools), 0);
end
$$;
