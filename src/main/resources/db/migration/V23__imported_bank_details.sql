-- Bank details imported from the former portal come without their RIB/IBAN document, which may follow: the document
-- columns are empty for them (all three together), and imported_at tells them apart.
alter table bank_account add column imported_at timestamptz;
alter table bank_account alter column document_name drop not null;
alter table bank_account alter column document_type drop not null;
alter table bank_account alter column document drop not null;
alter table bank_account add constraint bank_account_document_or_imported check (
    (document is not null and document_name is not null and document_type is not null)
    or (imported_at is not null and document is null and document_name is null and document_type is null));
