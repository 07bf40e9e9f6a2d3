-- Support tickets (sollicitations): the reference list of their catégories and sous-catégories (extendable by adding
-- rows; dmn/ticket-routing.dmn decides who answers each), the tickets, their history and their attachments.
create table ticket_subcategory (
    code           varchar(40)  primary key,
    category_code  varchar(40)  not null,
    category_label varchar(100) not null,
    label          varchar(150) not null,
    object_type    varchar(20)  not null check (object_type in ('AUCUN', 'COMPTE', 'STRUCTURE', 'MEMOIRE', 'DEPOT_FLUX')),
    position       integer      not null
);
insert into ticket_subcategory values
    ('RENVOI_ACTIVATION',      'COMPTE',    'Compte et connexion', 'Renvoi du courriel d''activation',        'COMPTE',    1),
    ('DEBLOCAGE_COMPTE',       'COMPTE',    'Compte et connexion', 'Déblocage du compte',                      'COMPTE',    2),
    ('NOMINATION_GESTIONNAIRE','STRUCTURE', 'Structure',           'Nomination d''un gestionnaire principal',  'COMPTE',    3),
    ('RATTACHEMENT',           'STRUCTURE', 'Structure',           'Rattachement à une structure',             'STRUCTURE', 4),
    ('COORDONNEES_BANCAIRES',  'STRUCTURE', 'Structure',           'Coordonnées bancaires',                    'STRUCTURE', 5),
    ('MANDAT_FACTURATION',     'STRUCTURE', 'Structure',           'Mandat de facturation',                    'STRUCTURE', 6),
    ('SUIVI_MEMOIRE',          'MEMOIRE',   'Mémoires',            'Suivi du traitement d''un mémoire',        'MEMOIRE',   7),
    ('PAIEMENT_MEMOIRE',       'MEMOIRE',   'Mémoires',            'Paiement d''un mémoire',                   'MEMOIRE',   8),
    ('REFUS_MEMOIRE',          'MEMOIRE',   'Mémoires',            'Refus d''un mémoire',                      'MEMOIRE',   9),
    ('DEPOT_FLUX',             'MEMOIRE',   'Mémoires',            'Dépôt flux',                               'DEPOT_FLUX', 10);

create sequence support_ticket_number;

create table support_ticket (
    id              uuid          primary key,
    number          varchar(20)   not null unique,
    structure_id    uuid          not null references structure (id),
    requester_id    uuid          not null references account (id),
    subcategory     varchar(40)   not null references ticket_subcategory (code),
    object_type     varchar(20)   not null,
    object_number   varchar(100),
    contact_email   varchar(254)  not null,
    contact_phone   varchar(30),
    title           varchar(150)  not null,
    description     varchar(5000) not null,
    status          varchar(20)   not null check (status in ('BROUILLON', 'OUVERT', 'EN_COURS', 'ACTION_REQUISE', 'RESOLU', 'CLOTURE')),
    recipient       varchar(20)   check (recipient in ('SUPPORT', 'SERVICE_METIER')),
    recipient_group varchar(64),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index support_ticket_structure on support_ticket (structure_id, status);

create table ticket_event (
    id          uuid          primary key,
    seq         bigserial     not null,
    ticket_id   uuid          not null references support_ticket (id) on delete cascade,
    at          timestamptz   not null,
    status      varchar(20)   not null,
    actor       varchar(200)  not null,
    actor_id    varchar(100),
    what        varchar(200)  not null,
    message     varchar(5000)
);
create index ticket_event_ticket on ticket_event (ticket_id, seq);

create table ticket_attachment (
    id          uuid          primary key,
    ticket_id   uuid          not null references support_ticket (id) on delete cascade,
    file_name   varchar(50)   not null,
    media_type  varchar(100)  not null,
    size        bigint        not null,
    content     bytea         not null,
    created_at  timestamptz   not null
);
create index ticket_attachment_ticket on ticket_attachment (ticket_id);
