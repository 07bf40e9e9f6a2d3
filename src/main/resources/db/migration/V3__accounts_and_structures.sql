-- Provider accounts, their structures and memberships, and the single-use links mailed to them.

create table structure (
    id                   uuid         primary key,
    identifier_type      varchar(20)  not null check (identifier_type in
                             ('SIRET', 'UE_HORS_FRANCE', 'HORS_UE', 'RIDET', 'TAHITI', 'PARTICULIER', 'AUTRE')),
    identifier           varchar(40)  not null,
    name                 varchar(200) not null,
    address              varchar(500),
    status               varchar(10)  not null check (status in ('ACTIF', 'INACTIF')),
    identifier_conforming boolean     not null,
    created_at           timestamptz  not null,
    unique (identifier_type, identifier)
);

create table account (
    id                 uuid         primary key,
    login_email        varchar(254) not null,
    contact_email      varchar(254) not null,
    last_name          varchar(100) not null,
    first_name         varchar(100) not null,
    status             varchar(30)  not null check (status in ('PENDING_ACTIVATION', 'ACTIVATION_EXPIRED', 'ACTIVE')),
    password_hash      varchar(200),
    secret_question    varchar(200),
    secret_answer_hash varchar(200),
    failed_logins      integer      not null default 0,
    locked_until       timestamptz,
    migrated           boolean      not null default false,
    created_at         timestamptz  not null,
    activated_at       timestamptz
);
-- the login e-mail is unique whatever its case
create unique index account_login_email on account (lower(login_email));

create table membership (
    id           uuid        primary key,
    structure_id uuid        not null references structure (id),
    account_id   uuid        not null references account (id),
    role         varchar(30) not null check (role in ('PRINCIPAL_MANAGER', 'MANAGER', 'USER')),
    status       varchar(20) not null check (status in ('ACTIVE', 'REQUESTED', 'REFUSED')),
    profiles     varchar(100) not null,
    requested_at timestamptz not null,
    decided_at   timestamptz,
    unique (structure_id, account_id)
);
create index membership_account on membership (account_id);
-- a structure has at most one gestionnaire principal
create unique index membership_one_principal_manager on membership (structure_id)
    where role = 'PRINCIPAL_MANAGER' and status = 'ACTIVE';

create table account_token (
    token_hash varchar(64) primary key, -- SHA-256 of the random token mailed; the token itself is never stored
    account_id uuid        not null references account (id),
    purpose    varchar(20) not null check (purpose in ('ACTIVATION', 'PASSWORD_RESET')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);
create index account_token_account on account_token (account_id, purpose);
