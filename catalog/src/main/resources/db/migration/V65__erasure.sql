-- Cairn catalog, erasure and access requests (version range V65-V69). No raw identifier of a person is kept:
-- requests hold a keyed hash and a masked hint of each identifier, tombstones only the keyed hash
-- (HMAC-SHA-256 of the normalised identifier under the erasure key), access bundles are encrypted.

create table dsar_requests (
  id           varchar(36)   not null primary key,
  type         varchar(16)   not null,
  status       varchar(16)   not null,
  requested_by varchar(128)  not null,
  node         varchar(255)  not null,
  reason       varchar(2000),
  identifiers  varchar(8000) not null,
  created_at   timestamp with time zone not null,
  finished_at  timestamp with time zone,
  audit_seq    bigint,
  error        varchar(2000),
  bundle       varchar
);
create index dsar_requests_created_idx on dsar_requests (created_at);

-- what each request found and did, dataset by dataset (the proof, also in the audit chain)
create table dsar_steps (
  request_id  varchar(36)   not null,
  seq         integer       not null,
  namespace   varchar(512)  not null,
  dataset     varchar(1024) not null,
  action      varchar(16)   not null,
  rows_done   bigint        not null,
  detail      varchar(2000),
  primary key (request_id, seq),
  constraint dsar_steps_request_fk foreign key (request_id) references dsar_requests (id) on delete cascade
);

-- erased people: sources drop rows whose subject hashes to one of these, so an old flow cannot bring them back
create table erasure_tombstones (
  subject_hash varchar(64)  not null primary key,
  request_id   varchar(36),
  created_at   timestamp with time zone not null
);

-- per dataset: the column that holds the subject id (learned from flows or set by compliance) and the
-- erasure policy: delete, anonymise (with a mask spec) or retain (with a reason)
create table erasure_datasets (
  namespace      varchar(512)  not null,
  name           varchar(1024) not null,
  subject_column varchar(255),
  policy         varchar(16)   not null,
  mask_spec      varchar(2000),
  reason         varchar(2000),
  learned_from   varchar(64),
  updated_at     timestamp with time zone not null,
  primary key (namespace, name)
);

-- which namespaces erasure can reach, as configured (never a password)
create table erasure_connections (
  namespace   varchar(512)  not null primary key,
  url         varchar(2000) not null,
  user_name   varchar(255),
  updated_at  timestamp with time zone not null
);
