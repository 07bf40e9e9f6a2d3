-- Each migration of running process instances to another version of their process (models/ProcessMigrationService):
-- who asked, when, why, and what the engine's batch was given; the instances left on their version and why.
create table model_migration (
    id                    uuid          primary key,
    batch_id              varchar(64)   not null unique,
    process_key           varchar(255)  not null,
    from_version          integer       not null,
    to_version            integer       not null,
    source_definition_id  varchar(64)   not null,
    target_definition_id  varchar(64)   not null,
    instances             integer       not null,
    incompatible          integer       not null,
    incompatible_report   text,
    requested_by          varchar(255)  not null,
    requested_at          timestamptz   not null,
    reason                varchar(2000) not null
);

create index model_migration_process on model_migration (process_key, requested_at);
