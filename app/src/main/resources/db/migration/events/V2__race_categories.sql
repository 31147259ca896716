-- A race's categories (a JSON array of dev.paddock.events.rules.AgeCategory: code, gender, fromAge, toAge),
-- first match wins; an empty array means AgeCategories.standard(). age_basis says how ages are counted.
alter table events.races
    add column categories jsonb not null default '[]',
    add column age_basis  text  not null default 'AGE_ON_RACE_DAY' check (age_basis in ('AGE_ON_RACE_DAY', 'BIRTH_YEAR'));
