-- A wallet's balance row is updated by every bet batch that debits it: leave room in each page so that the
-- updates stay HOT (no new index entries in the code, owner and id indexes, old versions pruned in the page).
alter table wallet.ledger_accounts set (fillfactor = 70);
