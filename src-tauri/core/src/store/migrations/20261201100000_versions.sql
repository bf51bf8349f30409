-- Versions (issue 14, G Art. 15). Additive: older Mulu
-- ignores these tables (it keeps writing `package_record`, whose latest catalog it still uses).
-- `IF NOT EXISTS`, so that re-applying it to a file whose schema version was lost does no harm.

-- Every package made, kept whole as a version (版本): the catalog it carried, the findings of
-- its validation, its period and, when made during an incomplete campaign, the reason given.
CREATE TABLE IF NOT EXISTS package_version (
    seq                INTEGER PRIMARY KEY,  -- the package sequence number (package_record.seq)
    package_id         TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    signer_fingerprint TEXT NOT NULL,
    period             TEXT,
    catalog            TEXT NOT NULL CHECK (json_valid(catalog)),
    findings           TEXT CHECK (findings IS NULL OR json_valid(findings)), -- NULL: not kept
    incomplete_reason  TEXT
);

-- Packages made before this migration: the catalog kept for the latest ones becomes a version.
INSERT OR IGNORE INTO package_version(seq, package_id, created_at, signer_fingerprint, catalog)
    SELECT seq, package_id, created_at, signer_fingerprint, catalog FROM package_record
    WHERE catalog IS NOT NULL;
