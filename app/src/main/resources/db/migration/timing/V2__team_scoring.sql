-- How teams of a race are ranked: null (no team ranking), BEST_OF (the team_counting best members' times
-- added up), ALL_TOGETHER (every member finishes; the team's time is its last member's), LEGS (a relay:
-- every leg finishes; the team's time is the sum of the legs).
alter table timing.races
    add column team_scoring  text check (team_scoring in ('BEST_OF', 'ALL_TOGETHER', 'LEGS')),
    add column team_counting int check (team_counting between 1 and 50),
    add constraint races_team_counting check ((team_scoring = 'BEST_OF') = (team_counting is not null));
