-- The subject (person) a quarantined record is about, when the step or sink that quarantined it knew the row:
-- a replay gives the row its subject back (so consent and erasure apply to it again), and an erasure or access
-- request finds the person's quarantined records by it.
alter table quarantine add column subject_id varchar(512);
create index quarantine_subject_idx on quarantine (subject_id);
