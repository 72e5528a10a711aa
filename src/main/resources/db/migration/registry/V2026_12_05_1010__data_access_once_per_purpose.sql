-- "Who used my data" listed a row per registry for every reload of a form (issue 14): a read of the same items by
-- the same accessor for the same purpose (a purpose names the draft or application it serves) is now one row, with
-- when it was first and last read and how often. The unique key makes two nodes' simultaneous reads one row too.
ALTER TABLE registry_access ADD COLUMN last_accessed_at TIMESTAMPTZ;
ALTER TABLE registry_access ADD COLUMN times INT NOT NULL DEFAULT 1 CHECK (times >= 1);

UPDATE registry_access a SET last_accessed_at = d.last_at, times = d.n
FROM (SELECT min(id) AS keep, max(accessed_at) AS last_at, count(*) AS n
      FROM registry_access GROUP BY id_number, registry, accessor, purpose, items) d
WHERE a.id = d.keep;

DELETE FROM registry_access a
WHERE a.id NOT IN (SELECT min(id) FROM registry_access GROUP BY id_number, registry, accessor, purpose, items);

UPDATE registry_access SET last_accessed_at = accessed_at WHERE last_accessed_at IS NULL;
ALTER TABLE registry_access ALTER COLUMN last_accessed_at SET NOT NULL;

CREATE UNIQUE INDEX registry_access_once ON registry_access (id_number, registry, accessor, purpose, items);
CREATE INDEX registry_access_recent ON registry_access (id_number, last_accessed_at DESC);
