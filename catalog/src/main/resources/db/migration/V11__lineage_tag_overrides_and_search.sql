-- Cairn catalog, lineage (V10-V19): a steward's override of a column's tags, which wins over the tags
-- lineage propagated (the audit chain keeps who changed what and why), and the owners that ownership facets
-- name; indexes for catalog search by tag and column name (same SQL on H2 and PostgreSQL).

create table lineage_tag_overrides (
  dataset_id  bigint        not null,
  field       varchar(255)  not null,
  tags        varchar(4000) not null,
  reason      varchar(1000) not null,
  steward     varchar(255)  not null,
  updated_at  timestamp with time zone not null,
  primary key (dataset_id, field),
  constraint lto_dataset_fk foreign key (dataset_id) references datasets (id) on delete cascade
);

-- owners of datasets (the ownership dataset facet) and of jobs (the ownership job facet), as lineage carried them
create table lineage_owners (
  node_type   varchar(1)    not null,
  node_id     bigint        not null,
  owner       varchar(512)  not null,
  owner_type  varchar(128),
  updated_at  timestamp with time zone not null,
  primary key (node_type, node_id, owner)
);
create index lineage_owners_owner_idx on lineage_owners (owner);
create index lineage_column_tags_tag_idx on lineage_column_tags (tag);
create index dataset_columns_name_idx on dataset_columns (name);
