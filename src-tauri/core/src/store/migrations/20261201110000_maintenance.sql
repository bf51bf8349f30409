-- The annual full maintenance (年度全面维护, issue 14, G Art. 15). Additive: older Mulu ignores
-- these tables. `IF NOT EXISTS`, so that re-applying it to a file whose schema version was lost
-- does no harm.

-- A year's full maintenance campaign (年度全面维护). `mark` is the newest change set when it
-- started: a resource changed after it counts as reviewed.
CREATE TABLE IF NOT EXISTS maintenance (
    year        INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    started_by  TEXT,
    mark        INTEGER NOT NULL,
    package_seq INTEGER NOT NULL
);

-- A resource confirmed unchanged in a campaign: by whom, when. The code and name are kept as
-- confirmed, for the listing, should the resource be removed.
CREATE TABLE IF NOT EXISTS maintenance_confirm (
    year        INTEGER NOT NULL REFERENCES maintenance(year),
    resource_id INTEGER NOT NULL,
    label       TEXT NOT NULL,
    operator    TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (year, resource_id)
);
