-- Every journal entry must balance. V1 checked it with a deferred row trigger: one sum() per posting row at
-- commit, which made a settlement writing 150,000 postings run 150,000 queries. The ledger always writes an
-- entry's postings together, in one statement (Ledger.post, the batched journal), so the check now runs once per
-- statement over the rows that statement inserted. An entry whose postings were split over statements, each
-- unbalanced, is refused: the stricter rule the code already follows.
drop trigger postings_balance on wallet.postings;
drop function wallet.check_entry_balances();

create function wallet.check_inserted_entries_balance() returns trigger language plpgsql as $$
declare
    unbalanced uuid;
begin
    select entry_id into unbalanced from inserted_postings group by entry_id having sum(amount_cents) <> 0 limit 1;
    if unbalanced is not null then
        raise exception 'journal entry % does not balance', unbalanced using errcode = '23514';
    end if;
    return null;
end
$$;

create trigger postings_balance after insert on wallet.postings referencing new table as inserted_postings
    for each statement execute function wallet.check_inserted_entries_balance();
