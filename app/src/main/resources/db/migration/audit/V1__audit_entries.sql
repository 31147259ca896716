create schema if not exists audit;

-- Append-only: rows are never updated or deleted by the application.
create table audit.entries (
    id      bigserial   primary key,
    at      timestamptz not null,
    type    varchar(40) not null,
    actor   uuid,
    subject uuid,
    ip      varchar(45),
    details jsonb       not null default '{}'::jsonb
);

create index entries_at on audit.entries (at desc, id desc);
create index entries_type on audit.entries (type, at desc);
create index entries_actor on audit.entries (actor, at desc);
create index entries_subject on audit.entries (subject, at desc);
