-- Rule segments kept in the catalog (issue 8): the rule, the current members (profile ids of an identity graph),
-- every evaluation's size, and the activation exports with what they sent and suppressed.
create table segments (
  name       varchar(128)  not null primary key,
  rule       varchar(4000) not null,
  graph      varchar(128),
  created_by varchar(64),
  updated_at timestamp with time zone not null
);

create table segment_members (
  segment    varchar(128) not null,
  profile_id varchar(256) not null,
  constraint segment_members_pk primary key (segment, profile_id),
  constraint segment_members_fk foreign key (segment) references segments (name) on delete cascade
);

create table segment_sizes (
  segment varchar(128) not null,
  at      timestamp with time zone not null,
  size    integer      not null,
  constraint segment_sizes_fk foreign key (segment) references segments (name) on delete cascade
);
create index segment_sizes_at on segment_sizes (segment, at);

create table segment_exports (
  id         varchar(64)   not null primary key,
  segment    varchar(128)  not null,
  format     varchar(16)   not null,
  purpose    varchar(64)   not null,
  status     varchar(16)   not null,
  rows_sent  integer       not null,
  suppressed integer       not null,
  manifest   varchar(4000) not null,
  created_by varchar(64),
  created_at timestamp with time zone not null,
  constraint segment_exports_fk foreign key (segment) references segments (name) on delete cascade
);
