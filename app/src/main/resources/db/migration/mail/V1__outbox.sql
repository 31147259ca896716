create schema if not exists mail;

-- Where the default mailer "sends": operators read it in the back-office, nothing leaves the machine.
create table mail.outbox (
    id         bigserial    primary key,
    recipient  varchar(254) not null,
    subject    varchar(200) not null,
    body       text         not null,
    created_at timestamptz  not null
);

create index outbox_created_at on mail.outbox (created_at desc, id desc);
