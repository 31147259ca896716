-- The Quinté+ "Tirelire": on a jackpot day the operator draws up to jackpot_cents from the Quinté+ reserve fund
-- (fed by every Quinté+ pool's 8 % share and unwon ranks) into one pool's top rank. Drawn only if someone wins the
-- top rank; otherwise the fund keeps it for a later jackpot. Set until the pool's dividends are computed.
alter table tote.pools add column jackpot_cents bigint not null default 0 check (jackpot_cents >= 0);
