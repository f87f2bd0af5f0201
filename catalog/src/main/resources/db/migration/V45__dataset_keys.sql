-- Keys of datasets found by source discovery (connectors range V40-V49): a dataset's primary key and the
-- foreign keys by which it refers to other datasets, replaced on every discovery of the dataset.
create table dataset_keys (
  dataset_id     bigint        not null,
  position       integer       not null,
  kind           varchar(16)   not null,
  name           varchar(255)  not null,
  columns        varchar(4000) not null,
  ref_namespace  varchar(512),
  ref_name       varchar(1024),
  ref_columns    varchar(4000),
  discovered_at  timestamp with time zone not null,
  primary key (dataset_id, position),
  constraint dataset_keys_dataset_fk foreign key (dataset_id) references datasets (id) on delete cascade,
  constraint dataset_keys_kind_ck check (kind in ('primary', 'foreign'))
);
