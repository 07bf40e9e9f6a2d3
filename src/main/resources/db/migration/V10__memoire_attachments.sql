-- Pièces jointes of a mémoire, for one line or the whole mémoire, kept with the SHA-256 of their content.
create table memoire_attachment (
    id         uuid         primary key,
    memoire_id uuid         not null references memoire (id) on delete cascade,
    line_id    uuid         references memoire_line (id) on delete cascade,
    kind       varchar(30)  not null check (kind in ('REQUISITION', 'ATTESTATION_MISSION', 'BORDEREAU_FRAIS', 'RIB', 'AUTRE')),
    file_name  varchar(50)  not null,
    media_type varchar(50)  not null,
    size       bigint       not null,
    sha256     varchar(64)  not null,
    content    bytea        not null,
    created_at timestamptz  not null
);
create index memoire_attachment_memoire on memoire_attachment (memoire_id);
