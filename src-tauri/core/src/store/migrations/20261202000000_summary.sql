-- Mulu workspace: the district government's approval of a bureau's summary (汇总, Guiyang
-- measures Art. 14). Additive only: a new table an older Mulu neither reads nor writes.

-- Each approval recorded, newest last. `packages` is the JSON list of the received packages the
-- approved summary was made of: a package approved after it makes the summary a new one, to be
-- approved again before it is sent up.
CREATE TABLE IF NOT EXISTS summary_approval (
    id          INTEGER PRIMARY KEY,
    approved_by TEXT NOT NULL,                -- who approved (the district government)
    approved_on TEXT NOT NULL,                -- YYYY-MM-DD
    document    TEXT NOT NULL,                -- 文号, e.g. 花府函〔2026〕12号
    packages    TEXT NOT NULL CHECK (json_valid(packages)),
    recorded_at TEXT NOT NULL
);
