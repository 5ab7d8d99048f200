-- The append-only event log: one row per event of a grain's stream, versions 1, 2, 3, ... without gaps; also the
-- history that reports query. A rowid table: rows are appended in rowid order and payloads are too large for a
-- WITHOUT ROWID b-tree to pay off. occurred_at is ISO-8601 UTC text of fixed width (2025-06-01T08:30:00.000000Z), so
-- text order is time order (range predicates use the index) and SQLite's date functions group it directly:
-- date(occurred_at, '+7 hours') is the local day of a lot at UTC+7, strftime('%Y-%m-%d %H', occurred_at, '+7 hours')
-- its local hour.
CREATE TABLE IF NOT EXISTS event_log (
    service_id  TEXT    NOT NULL,
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    stream      TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    occurred_at TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    payload     TEXT    NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key, stream, version)
);

-- Reports: events of these kinds of this grain type in a time range, grouped by grain_key (the lot id for lot
-- streams); grain_key is in the index so per-lot filters and counts need no table lookups.
CREATE INDEX IF NOT EXISTS event_log_report_ix ON event_log (service_id, grain_type, kind, occurred_at, grain_key);
