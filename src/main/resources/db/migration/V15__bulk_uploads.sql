-- Dépôt flux: an XML file of many mémoires, processed in the background; one report line per mémoire. The same file
-- (same SHA-256) from the same account is recognised and not processed twice.
create table bulk_upload (
    id           uuid          primary key,
    account_id   uuid          not null references account (id),
    file_name    varchar(200)  not null,
    sha256       varchar(64)   not null,
    content      bytea         not null,
    status       varchar(20)   not null check (status in ('RECU', 'EN_COURS', 'TERMINE', 'REJETE')),
    total        integer       not null default 0,
    processed    integer       not null default 0,
    sent         integer       not null default 0,
    refused      integer       not null default 0,
    error        varchar(2000),
    error_line   integer,
    error_element varchar(200),
    created_at   timestamptz   not null,
    finished_at  timestamptz,
    unique (account_id, sha256)
);

create table bulk_upload_item (
    upload_id    uuid          not null references bulk_upload (id) on delete cascade,
    position     integer       not null,
    reference    varchar(100),
    mj_number    varchar(12),
    status       varchar(10)   not null check (status in ('ENVOYE', 'REFUSE')),
    reasons      varchar(4000),
    primary key (upload_id, position)
);
