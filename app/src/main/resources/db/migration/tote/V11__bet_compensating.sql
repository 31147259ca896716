-- Remote wallet mode (see StakeSaga): a bet whose debit failed for good and whose reversal the remote wallet
-- has not acknowledged yet stays COMPENSATING, durably, until the recovery job gets the reversal through
-- and marks it REFUSED. The player is told at once that the bet is refused.
alter table tote.bets drop constraint bets_status_check;
alter table tote.bets add constraint bets_status_check
    check (status in ('PENDING', 'ACCEPTED', 'REFUSED', 'CANCELLED', 'COMPENSATING'));

create index bets_unsettled on tote.bets (placed_at) where status in ('PENDING', 'COMPENSATING');
