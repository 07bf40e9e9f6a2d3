-- A structure's settings for the mémoires space: its catégorie de prestataire and the services it bills for.
alter table structure add column provider_category varchar(40);
alter table structure add column services varchar(2100);
