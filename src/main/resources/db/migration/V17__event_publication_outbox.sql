-- The durable outbox: Spring Modulith's event publication registry (its PostgreSQL schema, 1.4). An event that must
-- leave after a commit (a mail) is stored in the business transaction and marked complete once its listener succeeded.
create table event_publication (
    id               uuid                     not null,
    listener_id      text                     not null,
    event_type       text                     not null,
    serialized_event text                     not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Delivery is at least once: each mail's idempotency key is recorded in the transaction that sends it, so a
-- re-delivered publication (after a crash, or on another node) never sends the same mail twice.
create table sent_mail (
    idempotency_key varchar(200) primary key,
    sent_at         timestamp with time zone not null
);
