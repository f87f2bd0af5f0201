-- Dataset edges (job <-> dataset) and column tags are written once, when first seen: each run's reads and writes
-- are in lineage_run_io. Rewriting them on every event (last_run, updated_at) was read by nothing and made every
-- run of a job update, and lock, the same rows.
alter table lineage_io add column created_at timestamp with time zone;
update lineage_io set created_at = updated_at;
alter table lineage_io drop column updated_at;
alter table lineage_io drop column last_run;
alter table lineage_column_tags add column created_at timestamp with time zone;
update lineage_column_tags set created_at = updated_at;
alter table lineage_column_tags drop column updated_at;
