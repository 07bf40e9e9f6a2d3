-- A natural person's régime (COSP or indépendant), and the structures' bank details with their RIB/IBAN document.
alter table structure add column regime varchar(20) check (regime in ('COSP', 'INDEPENDANT'));

create table bank_account (
    id             uuid         primary key,
    structure_id   uuid         not null references structure (id),
    name           varchar(100) not null,
    type           varchar(4)   not null check (type in ('RIB', 'IBAN')),
    bank_code      varchar(5),
    branch_code    varchar(5),
    account_number varchar(11),
    rib_key        varchar(2),
    iban           varchar(34),
    bic            varchar(11),
    document_name  varchar(100) not null,
    document_type  varchar(50)  not null,
    document       bytea        not null,
    active         boolean      not null,
    created_at     timestamptz  not null,
    deactivated_at timestamptz,
    check ((type = 'RIB' and bank_code is not null and branch_code is not null and account_number is not null
            and rib_key is not null) or (type = 'IBAN' and iban is not null and bic is not null))
);
create index bank_account_structure on bank_account (structure_id);
