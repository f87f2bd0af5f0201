-- Policy and audit (range V20-V29): the tamper-evident audit chain.
-- Each entry carries the SHA-256 of the previous one; audit_head is the one row appends lock, so entries are
-- numbered without gaps even with several nodes; checkpoints sign the chain's hash at an entry.

create table audit_log (
  seq       bigint        not null primary key,
  at        timestamp with time zone not null,
  actor     varchar(128)  not null,
  action    varchar(128)  not null,
  target    varchar(1024),
  outcome   varchar(32)   not null,
  details   varchar(8000),
  prev_hash varchar(64)   not null,
  hash      varchar(64)   not null
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor, at);

create table audit_head (
  id   integer     not null primary key,
  seq  bigint      not null,
  hash varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_checkpoints (
  seq       bigint       not null primary key,
  hash      varchar(64)  not null,
  signed_at timestamp with time zone not null,
  algorithm varchar(32)  not null,
  key_id    varchar(16)  not null,
  signature varchar(128) not null
);
