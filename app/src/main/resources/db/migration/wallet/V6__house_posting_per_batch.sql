-- A batch of debits or credits (Wallets.debitAll, creditAll) posted each movement's house side on its own: two
-- postings per bet's debit, one of them on tote:pools. Now a batch posts its house side once per house account:
-- each movement keeps its entry (its id, idempotency key, fingerprint, reference) and its one posting on the
-- customer's wallet, and names in batch_id the batch's entry, which holds the house account's posting of their
-- sum. The journal still balances: the postings of an entry with its batch's entry sum to zero. An entry without
-- batch_id balances alone, as before (single movements, reversals, a batch of one).
alter table wallet.entries add column batch_id uuid;

-- Balance per journal: an entry, or a batch's entry with the entries naming it. The ledger writes a journal's
-- postings in one statement (V2), so the check still runs once per statement over the rows it inserted.
create or replace function wallet.check_inserted_entries_balance() returns trigger language plpgsql as $$
declare
    unbalanced uuid;
    missing boolean;
begin
    -- each entry named is looked up once (a lateral look-up by id is an index look-up, whatever the planner
    -- thinks of the transition table's size), for its journal and to know it exists
    with named as materialized (
        select d.entry_id, e.id is null as missing, coalesce(e.batch_id, d.entry_id) as journal
        from (select distinct entry_id from inserted_postings) d
        left join lateral (select x.id, x.batch_id from wallet.entries x where x.id = d.entry_id) e on true)
    select (select j.journal from inserted_postings p join named j using (entry_id)
            group by j.journal having sum(p.amount_cents) <> 0 limit 1),
           (select bool_or(j.missing) from named j)
    into unbalanced, missing;
    if unbalanced is not null then
        raise exception 'journal entry % does not balance', unbalanced using errcode = '23514';
    end if;
    if missing or exists (select 1 from (select distinct ledger_account_id from inserted_postings) p
                          where (select true from wallet.ledger_accounts a where a.id = p.ledger_account_id) is null) then
        raise exception 'a posting names a journal entry or ledger account that does not exist' using errcode = '23503';
    end if;
    return null;
end
$$;
