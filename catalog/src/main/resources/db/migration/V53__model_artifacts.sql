-- Trained models themselves (issue 8), one per registered version: the artifact the scoring and clustering
-- steps load, and the evaluation details shown with the version (ROC points, lift by decile, cluster summaries).
create table model_artifacts (
  model_id bigint       not null primary key,
  format   varchar(32)  not null,
  content  bytea        not null,
  details  varchar(200000) not null,
  constraint model_artifacts_model_fk foreign key (model_id) references models (id) on delete cascade
);
