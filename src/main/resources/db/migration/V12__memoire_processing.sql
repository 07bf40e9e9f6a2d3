-- Processing of a sent mémoire (memoire-lifecycle): where the routing decision sent it, what the clerks decided, and
-- the history of its statuses, which is also the outbox of the status mails (notified_at null: still to send).
alter table memoire add column certifying_office varchar(20) references jurisdiction (code);
alter table memoire add column cour_appel varchar(20) references jurisdiction (code);
alter table memoire add column track varchar(20) check (track in ('CERTIFICATION', 'TAXATION'));
alter table memoire add column control_level varchar(20) check (control_level in ('FORMAL', 'THOROUGH'));
alter table memoire add column status_reason varchar(2000);
alter table memoire add column status_changed_at timestamptz;
alter table memoire add column complement_request varchar(2000);
alter table memoire add column granted_amount numeric(14, 2) check (granted_amount >= 0);
alter table memoire add column taxation_notified_at timestamptz;
alter table memoire add column paid_amount numeric(14, 2) check (paid_amount >= 0);
alter table memoire add column payment_date date;
alter table memoire add column duplicate_of varchar(20);
update memoire set status_changed_at = coalesce(deposited_at, updated_at);
alter table memoire alter column status_changed_at set not null;

alter table memoire_line add column corrected_excl_vat numeric(14, 2) check (corrected_excl_vat >= 0);
alter table memoire_line add column correction_reason varchar(500);

create table memoire_status_change (
    id           uuid          primary key,
    seq          bigserial     not null,
    memoire_id   uuid          not null references memoire (id) on delete cascade,
    status       varchar(30)   not null,
    changed_at   timestamptz   not null,
    actor        varchar(200)  not null,
    actor_id     varchar(100),
    reason       varchar(2000),
    notified_at  timestamptz,
    mail_attempts integer      not null default 0
);
create index memoire_status_change_memoire on memoire_status_change (memoire_id, seq);
create index memoire_status_change_unsent on memoire_status_change (seq) where notified_at is null;
