-- Sending a mémoire: its definitive MJ number, when it was deposited, the fingerprint of its certificat de dépôt,
-- and whether it came more than a year after the end of the mission (CPP art. 800).
create sequence memoire_definitive_number;
alter table memoire add column mj_number varchar(12) unique;
alter table memoire add column deposited_at timestamptz;
alter table memoire add column fingerprint varchar(64);
alter table memoire add column late boolean not null default false;
