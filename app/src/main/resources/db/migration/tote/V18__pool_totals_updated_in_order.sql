-- Pool totals were upserted (insert ... on conflict do update): for a combination that exists, PostgreSQL locks the
-- row first and writes that lock to the WAL (a Heap/LOCK record), then updates it; 1.6 per bet at 5,000 bets/s,
-- 4.5% of the WAL. Now a batch inserts only the combinations that do not exist yet (BetStore.addToTotals), then
-- adds to the others with this update, which writes no lock record of its own.
--
-- Writers must lock rows in one order, (pool, combination) as the primary key sorts them, so that two batches
-- touching the same combinations wait for each other instead of deadlocking. An upsert follows the order of its
-- rows; an update ... from follows its plan: a hash join, a sequential or bitmap scan would lock in the table's
-- physical order. Inside this function the planner has none of them, nor a merge join (which would read the whole
-- index), so the rows are reached in the arrays' order (a nested loop over the index; the caller sorts them as the
-- key does), or at worst in the index's order, the same order.
create function tote.add_to_pool_totals(pools uuid[], keys bigint[], cents bigint[]) returns bigint
    language sql
    set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off set enable_bitmapscan = off
as $$
    with changed as (
        update tote.pool_totals t set stake_cents = t.stake_cents + d.cents
        from unnest(pools, keys, cents) as d(pool_id, combination_key, cents)
        where t.pool_id = d.pool_id and t.combination_key = d.combination_key
        returning 1)
    select count(*) from changed
$$;
