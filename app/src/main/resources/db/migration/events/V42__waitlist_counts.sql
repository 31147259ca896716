-- How many registrations wait in each race's line (WAITLISTED with a position), kept by triggers on
-- events.registrations, so that the registration writer ranks a batch's waitlist entries with a sum and a short
-- range count instead of counting the whole line ahead of them (session 8: the top statement of an opening rush).
-- Kept in shards, the backend's pid mod 64: writers on different connections add to different rows, so they never
-- wait for each other's commit on one counter row; a transaction only ever touches its own backend's row.
create table events.waitlist_counts (
    race_id uuid   not null,
    shard   int    not null,
    waiting bigint not null,
    primary key (race_id, shard)
);

insert into events.waitlist_counts (race_id, shard, waiting)
select race_id, 0, count(*) from events.registrations
where status = 'WAITLISTED' and waitlist_position is not null
group by race_id;

-- One pass per statement over its transition tables (a registration counts while WAITLISTED with a position).
create function events.count_waitlist() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into events.waitlist_counts as c (race_id, shard, waiting)
        select race_id, pg_backend_pid() % 64, count(*) from new_rows
        where status = 'WAITLISTED' and waitlist_position is not null group by race_id
        on conflict (race_id, shard) do update set waiting = c.waiting + excluded.waiting;
    elsif tg_op = 'DELETE' then
        insert into events.waitlist_counts as c (race_id, shard, waiting)
        select race_id, pg_backend_pid() % 64, -count(*) from old_rows
        where status = 'WAITLISTED' and waitlist_position is not null group by race_id
        on conflict (race_id, shard) do update set waiting = c.waiting + excluded.waiting;
    else
        insert into events.waitlist_counts as c (race_id, shard, waiting)
        select race_id, pg_backend_pid() % 64, sum(d) from (
            select race_id, 1 as d from new_rows where status = 'WAITLISTED' and waitlist_position is not null
            union all
            select race_id, -1 from old_rows where status = 'WAITLISTED' and waitlist_position is not null) t
        group by race_id having sum(d) <> 0
        on conflict (race_id, shard) do update set waiting = c.waiting + excluded.waiting;
    end if;
    return null;
end $$;

create trigger registrations_waitlist_insert after insert on events.registrations
    referencing new table as new_rows for each statement execute function events.count_waitlist();
create trigger registrations_waitlist_update after update on events.registrations
    referencing old table as old_rows new table as new_rows for each statement execute function events.count_waitlist();
create trigger registrations_waitlist_delete after delete on events.registrations
    referencing old table as old_rows for each statement execute function events.count_waitlist();
