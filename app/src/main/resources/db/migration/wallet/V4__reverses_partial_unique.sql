-- Only a reversal names the movement it reverses; every other entry (each bet's debit among them) has a null
-- there. The unique constraint still put that null into its index, one entry per movement for nothing. A partial
-- unique index keeps the rule (a movement is reversed at most once; Ledger.open's "on conflict do nothing" still
-- sees it) and indexes the reversals only.
alter table wallet.entries drop constraint entries_reverses_key;
create unique index entries_reverses on wallet.entries (reverses) where reverses is not null;
