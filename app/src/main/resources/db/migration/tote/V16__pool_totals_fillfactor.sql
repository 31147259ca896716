-- Every accepted bet updates its combinations' rows in place, thousands of times a second on a few hot rows
-- (the favourites' Simple combinations). An update stays HOT (no new index entry, old version pruned within
-- the page) only if the row's page has room for the new version: leave a third of each page free.
alter table tote.pool_totals set (fillfactor = 70);
