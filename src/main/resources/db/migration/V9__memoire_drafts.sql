-- Mémoires: the header and the lines of a draft (TMP number), amounts computed by the server.
create sequence memoire_draft_number;

create table memoire (
    id                      uuid          primary key,
    number                  varchar(20)   not null unique,
    structure_id            uuid          not null references structure (id),
    jurisdiction_code       varchar(20)   not null references jurisdiction (code),
    service_code            varchar(100),
    bank_account_id         uuid          not null references bank_account (id),
    provider_category       varchar(40)   not null,
    reference_text          varchar(20)   not null,
    vat_type                varchar(30)   not null check (vat_type in ('TVA_SUR_DEBIT', 'TVA_SUR_ENCAISSEMENT', 'EXONERATION')),
    provider_invoice_number varchar(50),
    status                  varchar(30)   not null,
    created_by              uuid          not null references account (id),
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null default 0
);
create index memoire_structure on memoire (structure_id, status);

create table memoire_line (
    id                   uuid           primary key,
    memoire_id           uuid           not null references memoire (id) on delete cascade,
    position             integer        not null,
    case_number          varchar(50)    not null,
    requisition_date     date           not null,
    requesting_authority varchar(100)   not null,
    service_type         varchar(40)    not null,
    service_date         date           not null,
    quantity             numeric(12, 3) not null check (quantity > 0),
    unit_price_excl_vat  numeric(12, 2) not null check (unit_price_excl_vat >= 0),
    vat_rate             numeric(4, 1)  not null check (vat_rate in (0, 5.5, 10, 20)),
    sundry_costs         numeric(12, 2) not null default 0 check (sundry_costs >= 0),
    sundry_costs_detail  varchar(500),
    disbursements        numeric(12, 2) not null default 0 check (disbursements >= 0),
    with_option          boolean        not null default false,
    night                boolean        not null default false,
    weekend              boolean        not null default false,
    first_hour           boolean        not null default true,
    amount_excl_vat      numeric(14, 2) not null,
    vat_amount           numeric(14, 2) not null,
    amount_incl_vat      numeric(14, 2) not null,
    tariffed             boolean        not null,
    tariff_excl_vat      numeric(12, 2),
    above_tariff         boolean        not null
);
create index memoire_line_memoire on memoire_line (memoire_id, position);
