-- Schema level 5: cataloguing beyond feeds.

-- What a source is: a feed (RSS, Atom, JSON Feed), an HTML page watched for new links, or an
-- OAI-PMH repository harvested in full, then incrementally.
ALTER TABLE feed ADD COLUMN kind TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'page', 'oai'));
-- Page watch: which part of the page holds the items (a CSS selector) and which links count.
ALTER TABLE feed ADD COLUMN page_select TEXT NOT NULL DEFAULT '';
ALTER TABLE feed ADD COLUMN page_match TEXT NOT NULL DEFAULT '';
-- OAI-PMH: the set harvested ('' for the whole repository), and the date the last complete
-- harvest started, sent as from= next time ('' until one completes).
ALTER TABLE feed ADD COLUMN oai_set TEXT NOT NULL DEFAULT '';
ALTER TABLE feed ADD COLUMN harvested_until TEXT NOT NULL DEFAULT '';

-- Where a sighting came from. Kept on the sighting itself so it survives the removal of its
-- feed (feed_id then becomes NULL). Imports and hand entries have no feed at all.
ALTER TABLE sighting ADD COLUMN origin TEXT NOT NULL DEFAULT 'feed'
  CHECK (origin IN ('feed', 'page', 'archive', 'import', 'hand'));
-- Identity rule 1 for sightings without a feed: the same origin and entry key.
CREATE INDEX sighting_unowned ON sighting(origin, entry_key) WHERE feed_id IS NULL;
