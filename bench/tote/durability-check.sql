-- Durability check of the tote after a kill -9 (see bench/README.md). Run with psql against Paddock's
-- database, with the generator's ack file (one "accountId requestId" per accepted bet):
--   psql -h localhost -p <port> -U postgres -v ack=/path/to/acked.txt -f bench/tote/durability-check.sql
-- Every line of the result must say 0.
\set ON_ERROR_STOP on
create temporary table acked (account_id uuid, request_id text);
\set copy '\\copy acked from ' :'ack' ' with (format text, delimiter '' '')'
:copy

select 'acknowledged bets missing or not accepted' as check, count(*) as failures from acked a
 where not exists (select 1 from tote.bets b where b.account_id = a.account_id and b.request_id = a.request_id
                   and b.status in ('ACCEPTED', 'CANCELLED'))
union all
select 'pools whose totals differ from their accepted bets', count(*) from (
    select p.id from tote.pools p
    where coalesce((select sum(stake_cents) from tote.pool_stakes t where t.pool_id = p.id), 0)
       <> coalesce((select sum(total_stake_cents) from tote.bets b where b.pool_id = p.id and b.status = 'ACCEPTED'), 0)) d
union all
-- per combination where a stored ticket names it directly: Simple bets (key = the runner number)
select 'simple-bet combinations whose total differs from their bets', count(*) from (
    select b.pool_id, cast(substr(b.formulation, 3) as bigint) as key, sum(b.unit_stake_cents) as stake
    from tote.bets b where b.status = 'ACCEPTED' and b.bet_type in ('SIMPLE_GAGNANT', 'SIMPLE_PLACE')
    group by 1, 2) s
    where s.stake <> coalesce((select stake_cents from tote.pool_stakes t
                               where t.pool_id = s.pool_id and t.combination_key = s.key), 0)
union all
select 'accepted bets without their debit', count(*) from tote.bets b
 where b.status in ('ACCEPTED', 'CANCELLED')
   and not exists (select 1 from wallet.entries e where e.idempotency_key = 'tote:bet:' || b.id)
union all
select 'debits without an accepted bet', count(*) from wallet.entries e
 where e.idempotency_key like 'tote:bet:%' and e.idempotency_key not like '%:refund'
   and not exists (select 1 from tote.bets b where 'tote:bet:' || b.id = e.idempotency_key
                   and b.status in ('ACCEPTED', 'CANCELLED'))
union all
select 'wallets whose balance differs from their postings', count(*) from wallet.ledger_accounts a
 where a.owner_account is not null
   and a.balance_cents <> coalesce((select sum(amount_cents) from wallet.postings p where p.ledger_account_id = a.id), 0)
union all
-- a journal is an entry, or a batch's entry with the entries naming it (wallet V6: one house posting per batch)
select 'unbalanced journal entries', count(*) from (
    select coalesce(e.batch_id, e.id) from wallet.postings p join wallet.entries e on e.id = p.entry_id
    group by 1 having sum(p.amount_cents) <> 0) u;
