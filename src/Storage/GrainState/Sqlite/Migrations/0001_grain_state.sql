-- Grain state rows; version is the ETag and only grows. A cleared state keeps its row with payload NULL.
CREATE TABLE IF NOT EXISTS grain_state (
    service_id  TEXT    NOT NULL,
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    payload     TEXT    NULL,
    version     INTEGER NOT NULL,
    modified_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
) WITHOUT ROWID;
