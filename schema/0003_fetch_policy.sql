-- Schema level 3: fetch policy. A permanent redirect (301, 308) is only adopted when two
-- consecutive fetches see it, so one misconfigured night cannot move a feed for good; the
-- target seen last time waits here. next_attempt_after (back-off, Retry-After) and note
-- (why a feed was disabled, e.g. 410 Gone) are in level 1 already.
ALTER TABLE feed ADD COLUMN pending_redirect TEXT NOT NULL DEFAULT '';
