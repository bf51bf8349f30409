-- Mulu workspace: the bureau's review and its receipts (issue 13). Additive only: new tables
-- an older Mulu neither reads nor writes, so its compatibility version stays.

-- A bureau's side (区县 / 市). The agencies that report to it (报送单位); the keys it trusts for
-- each are the `trusted_key` rows with their USCC.
CREATE TABLE IF NOT EXISTS submitter (
    uscc     TEXT PRIMARY KEY,                -- 统一社会信用代码
    name     TEXT NOT NULL,
    level    TEXT,                            -- 乡镇 / 区县部门 / 区县 / 市级部门 / 市
    contact  TEXT,
    added_at TEXT NOT NULL
);

-- Packages received, with the verified bytes (so a receipt can cite them) and the catalog read
-- from them (for the review, the changes against the last approved one, the summary).
CREATE TABLE IF NOT EXISTS received_package (
    package_id         TEXT PRIMARY KEY,      -- External-Identifier
    agency_uscc        TEXT NOT NULL,
    agency_name        TEXT NOT NULL,
    sequence           INTEGER NOT NULL,
    signer_fingerprint TEXT NOT NULL,
    tagmanifest_sha256 TEXT NOT NULL,
    bagging_date       TEXT NOT NULL,
    received_at        TEXT NOT NULL,
    file_name          TEXT NOT NULL,
    resources          INTEGER NOT NULL,
    errors             INTEGER NOT NULL,      -- this workspace's own validation on receipt
    warnings           INTEGER NOT NULL,
    catalog            TEXT NOT NULL CHECK (json_valid(catalog)),
    findings           TEXT NOT NULL,         -- the package's own data/findings.json
    changes            TEXT NOT NULL,         -- the package's own data/changes.json
    bytes              BLOB NOT NULL,
    decision           TEXT CHECK (decision IN ('approved', 'returned')), -- set when the receipt is issued
    receipt_at         TEXT,                  -- then no decision changes
    receipt_sha256     TEXT                   -- the receipt's tag manifest
);
CREATE INDEX IF NOT EXISTS received_package_agency ON received_package(agency_uscc, sequence);

-- The reviewer's decision per resource ('' = the package as a whole), saved as it is made.
CREATE TABLE IF NOT EXISTS review_decision (
    package_id   TEXT NOT NULL REFERENCES received_package(package_id),
    resource_key TEXT NOT NULL,               -- 'code:<code>' or 'name:<name>', '' for the package
    verdict      TEXT NOT NULL CHECK (verdict IN ('approved', 'returned')),
    decided_at   TEXT NOT NULL,
    PRIMARY KEY (package_id, resource_key)
);

-- Why a resource is returned: one comment per field ('' = the whole resource).
CREATE TABLE IF NOT EXISTS review_comment (
    package_id   TEXT NOT NULL,
    resource_key TEXT NOT NULL,
    field        TEXT NOT NULL,
    comment      TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (package_id, resource_key, field),
    FOREIGN KEY (package_id, resource_key) REFERENCES review_decision(package_id, resource_key)
);

-- An agency's side: the receipts imported for packages this workspace produced.
CREATE TABLE IF NOT EXISTS package_receipt (
    package_id         TEXT PRIMARY KEY,      -- a package_record's
    decision           TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
    bureau_uscc        TEXT NOT NULL,
    bureau_name        TEXT NOT NULL,
    signer_fingerprint TEXT NOT NULL,
    reviewed_on        TEXT NOT NULL,         -- the receipt's date
    imported_at        TEXT NOT NULL,
    bytes              BLOB NOT NULL
);

-- Each comment of a returned package, a task until it is addressed: the field (or the resource)
-- changed since the package, or the task resolved by hand.
CREATE TABLE IF NOT EXISTS review_task (
    id            INTEGER PRIMARY KEY,
    package_id    TEXT NOT NULL REFERENCES package_receipt(package_id),
    resource_code TEXT,                       -- both NULL: the package as a whole
    resource_name TEXT,
    field         TEXT,                       -- NULL: the whole resource
    comment       TEXT NOT NULL,
    snapshot      TEXT,                       -- the resource as returned (JSON), to see it change
    resolved_at   TEXT
);
