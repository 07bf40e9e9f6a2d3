-- HTTP sessions in PostgreSQL (Spring Session JDBC, its PostgreSQL schema): any node serves any request, and the
-- principal index finds an account's sessions to end them (password change or reset, removal from a structure).
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- optimistic locking: a login can never write back an account read before a password change
alter table account add column version bigint not null default 0;
-- a contact e-mail other than the login is used only once its owner has followed the link mailed to it
alter table account add column pending_contact_email varchar(254);

alter table account_token drop constraint account_token_purpose_check;
alter table account_token add constraint account_token_purpose_check
    check (purpose in ('ACTIVATION', 'PASSWORD_RESET', 'CONTACT_EMAIL'));
