-- Schema level 3: a permanent redirect waiting to be confirmed.
UPDATE feed SET pending_redirect = 'https://www.ilo.org/rss/forced-labour' WHERE id = 2;
