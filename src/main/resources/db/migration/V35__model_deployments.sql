-- Who changed the analysts' models live, when and why (issue #19). The engine keeps the deployments themselves
-- (act_re_deployment, same name as the start-up ones: frais-de-justice); a deployment without a row here was made by the
-- application at start (kind START).
create table model_deployment (
    deployment_id varchar(64) primary key,
    kind          varchar(16)              not null check (kind in ('LIVE', 'ROLLBACK')),
    deployed_by   varchar(255)             not null,
    deployed_at   timestamp with time zone not null,
    reason        varchar(2000)            not null,
    -- the resource names of the deployment, one per line (bpmn/x.bpmn, dmn/tests/x.csv…)
    resources     text                     not null
);

create index model_deployment_deployed_at on model_deployment (deployed_at desc);
