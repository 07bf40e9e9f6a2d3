-- Past mémoires imported from the former portal: read-only, with their former MJ number, their totals HT and TVA (they
-- have no lines here), the fingerprint of the file's row that brought them (a second run then knows it), and neither
-- author nor bank details of this portal.
alter table memoire add column imported_at timestamptz;
alter table memoire add column import_fingerprint varchar(64);
alter table memoire add column imported_excl_vat numeric(14, 2) check (imported_excl_vat >= 0);
alter table memoire add column imported_vat numeric(14, 2) check (imported_vat >= 0);
alter table memoire alter column created_by drop not null;
alter table memoire alter column bank_account_id drop not null;
alter table memoire add constraint memoire_imported_or_authored check (
    imported_at is not null or (created_by is not null and bank_account_id is not null));
