-- Deadlines in working days (issue 14, G Art. 15, 16): imported working-day calendars, change
-- events and correction requests (校核). Additive: older Mulu ignores these tables. `IF NOT
-- EXISTS`, so that re-applying it to a file whose schema version was lost does no harm.

-- A year's calendar imported by the bureau, as its file's text (re-read and checked on use);
-- it replaces the calendar Mulu ships for that year.
CREATE TABLE IF NOT EXISTS calendar (
    year        INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    text        TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- A change that obliges an update (law: 10 working days; functions: 10; data: 2). `mark` is the
-- newest change set when it was recorded and `package_seq` the newest package: it is met by a
-- change (and, with needs_package, a package) after them.
CREATE TABLE IF NOT EXISTS change_event (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('law', 'functions', 'data')),
    date          TEXT NOT NULL,
    note          TEXT,
    needs_package INTEGER NOT NULL DEFAULT 0,
    mark          INTEGER NOT NULL,
    package_seq   INTEGER NOT NULL,
    recorded_at   TEXT NOT NULL
);

-- The resources an event affects (none: the catalog as a whole). The code is kept as it was
-- named, for the listing, should the resource be removed.
CREATE TABLE IF NOT EXISTS change_event_resource (
    event_id    INTEGER NOT NULL REFERENCES change_event(id),
    resource_id INTEGER NOT NULL,
    label       TEXT NOT NULL,
    PRIMARY KEY (event_id, resource_id)
);

-- A data user's correction request (校核): open until answered. `source` says where it came
-- from when not typed in (e.g. "receipt <package id>" for a bureau's review comment).
CREATE TABLE IF NOT EXISTS correction (
    id          INTEGER PRIMARY KEY,
    from_name   TEXT NOT NULL,
    resource_id INTEGER NOT NULL,
    label       TEXT NOT NULL,
    field       TEXT,
    text        TEXT NOT NULL,
    received    TEXT NOT NULL,
    source      TEXT,
    recorded_at TEXT NOT NULL,
    answer      TEXT,
    answered_on TEXT,
    change_sets TEXT CHECK (change_sets IS NULL OR json_valid(change_sets))
);
