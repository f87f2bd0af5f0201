-- Stored expectation suites (issue 7): a steward accepts suggested expectations of a profile into a named
-- suite, which quality steps run by name. expectations holds the GX JSON list.
create table quality_suites (
  name         varchar(128)  primary key,
  description  varchar(1000),
  expectations varchar       not null,
  updated_by   varchar(128)  not null,
  updated_at   timestamp with time zone not null
);
