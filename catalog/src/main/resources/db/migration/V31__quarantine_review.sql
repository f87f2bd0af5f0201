-- Quarantine review (issue 7): a steward fixes a quarantined record's values and replays it through its flow.
-- status: QUARANTINED (waiting), REPLAYING (claimed by the replay run replay_run_id), REPLAYED (that run
-- succeeded; the record is kept, never deleted, so nothing is lost and the claim makes a second replay
-- impossible).
alter table quarantine add column status varchar(16) default 'QUARANTINED' not null;
alter table quarantine add column replay_run_id varchar(64);
alter table quarantine add column edited_by varchar(128);
alter table quarantine add column edited_at timestamp with time zone;
create index quarantine_status_idx on quarantine (flow_id, status);
