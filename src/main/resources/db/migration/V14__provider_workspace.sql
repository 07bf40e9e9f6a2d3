-- The provider's workspace (Synthèse, Rechercher, Tableau de bord, Liste fiscale, Archives) reads mémoires by structure:
-- the total TTC is kept on the mémoire for amount filters and sorting, and the indexes serve a structure's searches.
alter table memoire add column amount_incl_vat numeric(14, 2) not null default 0;
update memoire m set amount_incl_vat = coalesce((select sum(l.amount_incl_vat) from memoire_line l where l.memoire_id = m.id), 0);

create index memoire_structure_changed on memoire (structure_id, status_changed_at desc);
create index memoire_structure_payment on memoire (structure_id, payment_date) where status = 'MIS_EN_PAIEMENT';
create index memoire_line_case_number on memoire_line (case_number);
