-- A natural person's structure is named « First LAST »: 100 + 1 + 100 characters, one more than the column held
alter table structure alter column name type varchar(201);
