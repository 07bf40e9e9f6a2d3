-- The signature of a billing mandate: who generated it, the single-use link mailed (kept as a hash), who signed.
alter table billing_mandate add column generated_by uuid references account (id);
alter table billing_mandate add column signatory_name varchar(201);
alter table billing_mandate add column signatory_email varchar(254);
alter table billing_mandate add column signature_token_hash varchar(64) unique;
alter table billing_mandate add column link_expires_at timestamptz;
