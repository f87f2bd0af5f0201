-- Data quality history (issue 7): the figures a quality step measured in one run (completeness, validity,
-- uniqueness as shares in [0, 1], and the counts they come from), one row per run, step and metric.
create table quality_metrics (
  run_id       varchar(64)      not null,
  flow_id      varchar(64)      not null,
  step         varchar(128)     not null,
  metric       varchar(64)      not null,
  metric_value double precision not null,
  recorded_at  timestamp with time zone not null,
  primary key (run_id, step, metric),
  constraint quality_metrics_flow_fk foreign key (flow_id) references flows (id) on delete cascade
);
create index quality_metrics_flow_idx on quality_metrics (flow_id, recorded_at);
