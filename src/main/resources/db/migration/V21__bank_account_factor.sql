-- The optional « affactureur »: the factoring company paid in the structure's stead, by its name and SIRET.
alter table bank_account add column factor_name varchar(100);
alter table bank_account add column factor_identifier varchar(14);
alter table bank_account add constraint bank_account_factor_complete
    check ((factor_name is null) = (factor_identifier is null));
