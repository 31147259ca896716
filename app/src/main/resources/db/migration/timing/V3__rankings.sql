-- The race's rankings as the organizer configured them: a json array of {code, name, filter {gender,
-- categories, fields}, grouping, groupField, clock, point, segment, ties, minCategorySize,
-- categoryMergeOrder}. Null: the default set (overall, gender, category at the finish and at each split).
alter table timing.races add column rankings jsonb check (rankings is null or jsonb_typeof(rankings) = 'array');
