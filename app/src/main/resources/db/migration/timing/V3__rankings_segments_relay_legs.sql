-- The race's rankings as the organizer configured them: a json array of {code, name, filter {gender,
-- categories, fields}, grouping, groupField, clock, point, segment, ties, minCategorySize,
-- categoryMergeOrder}. Null: the default set (overall, gender, category at the finish and at each split).
alter table timing.races add column rankings jsonb check (rankings is null or jsonb_typeof(rankings) = 'array');

-- Multi-sport segments: a json array of {code, from, to, kind: DISCIPLINE|TRANSITION}, between timing points in
-- course order (swim: start to t1in, t1: t1in to t1out...). Empty: none.
alter table timing.races add column segments jsonb not null default '[]' check (jsonb_typeof(segments) = 'array');

-- A relay (team_scoring LEGS) timed at handover mats: the point codes where legs 1 to n-1 end, in leg order (one
-- mat may serve every handover); the last leg ends at the finish. Empty: each member's own finish time is their leg.
alter table timing.races add column relay_handovers jsonb not null default '[]'
    check (jsonb_typeof(relay_handovers) = 'array');
