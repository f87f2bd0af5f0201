-- The persisted identity graph (issue 8): one graph per name (by default the flow that feeds it), kept between
-- runs and restarts. Records in arrival order with their identifiers and attributes, the links with why they
-- were made, the profiles, the pairs a steward split apart, and the SHA-256 tombstones of erased identifiers.
create table identity_graphs (
  graph           varchar(128)  not null primary key,
  rules           varchar(1000) not null,
  fuzzy_threshold double precision,
  region          varchar(8)    not null,
  updated_at      timestamp with time zone not null
);

create table identity_records (
  graph      varchar(128) not null,
  record_id  varchar(256) not null,
  seq        bigint       not null,
  source     varchar(256) not null,
  seen_at    timestamp with time zone not null,
  profile_id varchar(32)  not null,
  constraint identity_records_pk primary key (graph, record_id)
);
create index identity_records_profile on identity_records (graph, profile_id);

create table identity_identifiers (
  graph     varchar(128) not null,
  record_id varchar(256) not null,
  id_type   varchar(32)  not null,
  id_value  varchar(512) not null,
  constraint identity_identifiers_pk primary key (graph, record_id, id_type)
);

create table identity_attributes (
  graph      varchar(128)  not null,
  record_id  varchar(256)  not null,
  name       varchar(128)  not null,
  attr_value varchar(2000) not null,
  constraint identity_attributes_pk primary key (graph, record_id, name)
);

create table identity_links (
  graph       varchar(128)  not null,
  seq         bigint        not null,
  from_record varchar(256)  not null,
  to_record   varchar(256)  not null,
  rule        varchar(256)  not null,
  evidence    varchar(2000) not null,
  score       double precision not null,
  constraint identity_links_pk primary key (graph, seq)
);

create table identity_profiles (
  graph      varchar(128) not null,
  profile_id varchar(32)  not null,
  size       integer      not null,
  updated_at timestamp with time zone not null,
  constraint identity_profiles_pk primary key (graph, profile_id)
);

create table identity_splits (
  graph      varchar(128) not null,
  record_a   varchar(256) not null,
  record_b   varchar(256) not null,
  created_by varchar(64),
  created_at timestamp with time zone not null,
  constraint identity_splits_pk primary key (graph, record_a, record_b)
);

create table identity_tombstones (
  graph      varchar(128) not null,
  hash       varchar(64)  not null,
  created_at timestamp with time zone not null,
  constraint identity_tombstones_pk primary key (graph, hash)
);
