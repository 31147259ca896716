-- A foreign key checks each inserted row with a query of its own that also locks the referenced row: two checks
-- per posting, four per bet's debit, and a lock (a WAL record, a dirtied page) on every new journal entry. The
-- ledger writes an entry's postings in one statement (V2), so the references are checked there, once per
-- statement, with the balance: no row locks, one index look-up per posting and reference.
alter table wallet.postings drop constraint postings_entry_id_fkey;
alter table wallet.postings drop constraint postings_ledger_account_id_fkey;

create or replace function wallet.check_inserted_entries_balance() returns trigger language plpgsql as $$
declare
    unbalanced uuid;
begin
    select entry_id into unbalanced from inserted_postings group by entry_id having sum(amount_cents) <> 0 limit 1;
    if unbalanced is not null then
        raise exception 'journal entry % does not balance', unbalanced using errcode = '23514';
    end if;
    -- each entry and ledger account named is looked up once (a batch's house account once for all its postings); a
    -- scalar subquery is an index look-up, whatever the planner thinks of the transition table's size
    if exists (select 1 from (select distinct entry_id from inserted_postings) p
               where (select true from wallet.entries e where e.id = p.entry_id) is null)
       or exists (select 1 from (select distinct ledger_account_id from inserted_postings) p
                  where (select true from wallet.ledger_accounts a where a.id = p.ledger_account_id) is null) then
        raise exception 'a posting names a journal entry or ledger account that does not exist' using errcode = '23503';
    end if;
    return null;
end
$$;

-- What the keys also did: entries are append-only already (V1); a ledger account with postings stays.
create function wallet.refuse_deleting_a_posted_account() returns trigger language plpgsql as $$
begin
    if exists (select 1 from wallet.postings p where p.ledger_account_id = old.id) then
        raise exception 'ledger account % has postings: it cannot be deleted', old.code using errcode = '23503';
    end if;
    return old;
end
$$;

create trigger ledger_accounts_keep_postings before delete on wallet.ledger_accounts
    for each row execute function wallet.refuse_deleting_a_posted_account();
