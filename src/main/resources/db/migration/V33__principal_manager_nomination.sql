-- A gestionnaire principal named by the support (ticket « Nomination d'un gestionnaire principal ») while the structure
-- has an active one: announced to him, it takes effect after the objection period unless he objects.
create table principal_manager_nomination (
    id                  uuid          primary key,
    structure_id        uuid          not null references structure (id),
    named_account_id    uuid          not null references account (id),
    manager_account_id  uuid          not null references account (id),
    ticket_number       varchar(20)   not null,
    reason              varchar(2000) not null,
    effective_at        timestamptz   not null,
    status              varchar(20)   not null,
    objection           varchar(2000),
    created_at          timestamptz   not null,
    decided_at          timestamptz,
    version             bigint        not null default 0
);

-- One nomination at a time waits per structure.
create unique index principal_manager_nomination_pending on principal_manager_nomination (structure_id)
    where status = 'PENDING';
create index principal_manager_nomination_ticket on principal_manager_nomination (ticket_number);
