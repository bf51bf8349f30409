-- Mulu workspace, schema 1. One agency's catalog in one file.
-- Records are JSON documents (the shape of `mulu show --json`), with the few columns SQLite
-- needs to find, sort and index them.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE agency (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    doc TEXT NOT NULL CHECK (json_valid(doc))
);

CREATE TABLE info_system (
    id   INTEGER PRIMARY KEY,
    doc  TEXT NOT NULL CHECK (json_valid(doc)),
    name TEXT GENERATED ALWAYS AS (json_extract(doc, '$.name')) VIRTUAL
);
CREATE UNIQUE INDEX info_system_name ON info_system(name);

-- code and name are copies of the document's, written with it by the store's one write path
-- (store/resources.rs): parsing the JSON in SQL on every insert tripled the cost of a city-sized
-- import.
CREATE TABLE resource (
    id         INTEGER PRIMARY KEY,
    position   INTEGER NOT NULL,
    code       TEXT,
    name       TEXT NOT NULL,
    doc        TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX resource_position ON resource(position);
CREATE INDEX resource_code ON resource(code);
CREATE INDEX resource_name ON resource(name);

-- The change log: one change_set per mutation (one transaction), one change per field touched,
-- old → new as JSON. History and undo read it; nothing ever rewrites it.
CREATE TABLE change_set (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    action TEXT NOT NULL
);

CREATE TABLE change (
    id        INTEGER PRIMARY KEY,
    set_id    INTEGER NOT NULL REFERENCES change_set(id),
    entity    TEXT NOT NULL,      -- 'agency' | 'system' | 'resource'
    entity_id INTEGER,
    path      TEXT NOT NULL,      -- field path, '*' for a whole record added or removed
    old       TEXT,               -- JSON, NULL when absent
    new       TEXT                -- JSON, NULL when absent
);
CREATE INDEX change_entity ON change(entity, entity_id);
CREATE INDEX change_set_idx ON change(set_id);
