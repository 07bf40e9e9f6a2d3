-- Billing mandates (mandats de facturation). The signature process comes with the prerequisites feature; migrated
-- users' mandates arrive revoked, so that they sign a new one.
create table billing_mandate (
    id           uuid         primary key,
    structure_id uuid         not null references structure (id),
    label        varchar(200) not null,
    status       varchar(30)  not null check (status in ('PENDING_SIGNATURE', 'ACTIVE', 'REVOQUE', 'EXPIRED')),
    migrated     boolean      not null default false,
    created_at   timestamptz  not null,
    signed_at    timestamptz,
    revoked_at   timestamptz
);
create index billing_mandate_structure on billing_mandate (structure_id);
-- at most one active mandate per structure
create unique index billing_mandate_one_active on billing_mandate (structure_id) where status = 'ACTIVE';
