-- Mulu workspace, schema 2: submission packages (issue 5).
-- The keys this workspace trusts to sign packages, each for one agency (by its USCC), and the
-- packages this workspace has produced, numbered per agency, with the catalog of the latest one
-- kept so that the next package can list the changes since it.

CREATE TABLE trusted_key (
    fingerprint TEXT PRIMARY KEY,            -- SM3 of the SubjectPublicKeyInfo DER, hex
    agency_uscc TEXT NOT NULL,
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL,               -- SPKI PEM
    added_at    TEXT NOT NULL
);

CREATE TABLE package_record (
    seq                INTEGER PRIMARY KEY,  -- the package sequence number, 1, 2, 3…
    package_id         TEXT NOT NULL UNIQUE, -- External-Identifier
    created_at         TEXT NOT NULL,
    file_name          TEXT NOT NULL,
    tagmanifest_sha256 TEXT NOT NULL,
    signer_fingerprint TEXT NOT NULL,
    catalog            TEXT CHECK (catalog IS NULL OR json_valid(catalog)) -- kept for the latest only
);
