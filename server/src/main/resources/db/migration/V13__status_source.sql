-- What each status rests on (a capture card, a notification, an ICRC visit, their list, a video,
-- a testimony, a handover), so that a negotiator can list whom the holding side has not
-- acknowledged.
ALTER TABLE status_history ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'unstated';
