-- Hibernate Search's outbox polling, used by the OpenSearch engine (casebook.search.engine=opensearch),
-- where several nodes share one index: a transaction that changes a case also writes an event here, and
-- the nodes' background processors index the events and delete them, each node its share of the cases
-- (hsearch_agent: the nodes, their heartbeats and shares). With the Lucene engine both stay empty.
-- The tables as Hibernate Search 8.2 maps them (Hibernate validates them).

CREATE TABLE hsearch_outbox_event (
    id uuid NOT NULL PRIMARY KEY,
    entity_name varchar(256) NOT NULL,
    entity_id varchar(256) NOT NULL,
    entity_id_hash integer NOT NULL,
    payload bytea NOT NULL,
    retries integer NOT NULL,
    process_after timestamp(6) with time zone NOT NULL,
    status varchar(255) NOT NULL CHECK (status IN ('PENDING', 'ABORTED')),
    tenant_id varchar(255)
);

-- The processors ask for the events due, oldest first.
CREATE INDEX hsearch_outbox_event_process_after ON hsearch_outbox_event (process_after);

CREATE TABLE hsearch_agent (
    id uuid NOT NULL PRIMARY KEY,
    type varchar(255) NOT NULL
        CHECK (type IN ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    name varchar(255) NOT NULL,
    expiration timestamp(6) with time zone NOT NULL,
    state varchar(255) NOT NULL CHECK (state IN ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count integer,
    assigned_shard_index integer,
    payload bytea,
    tenant_id varchar(255)
);
