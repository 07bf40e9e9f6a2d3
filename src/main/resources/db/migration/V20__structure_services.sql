-- A structure's services become records with a stable code (what a mémoire's header names as serviceCode), which can
-- be renamed and closed without changing that code. The names kept until now in structure.services move there, in order.
create table structure_service (
    id           uuid         primary key,
    structure_id uuid         not null references structure (id),
    code         varchar(10)  not null,
    name         varchar(100) not null,
    active       boolean      not null,
    created_at   timestamptz  not null,
    unique (structure_id, code)
);

insert into structure_service (id, structure_id, code, name, active, created_at)
select gen_random_uuid(), s.id, 'S' || lpad(t.position::text, 2, '0'), left(trim(t.name), 100), true, s.created_at
from structure s
     cross join lateral regexp_split_to_table(s.services, E'\n') with ordinality as t(name, position)
where s.services is not null and trim(t.name) <> '';

alter table structure drop column services;
