-- What each provider account has uploaded per day (Paris time): the upload quotas (security.UploadQuotas)
create table upload_usage (
    account_id uuid   not null references account (id) on delete cascade,
    day        date   not null,
    uploads    int    not null,
    bytes      bigint not null,
    primary key (account_id, day)
);
