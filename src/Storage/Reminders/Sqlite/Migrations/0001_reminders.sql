-- Durable reminders. grain_hash is GrainId.GetUniformHashCode() (a uint; SQLite integers are 64-bit, so it stays
-- non-negative and range comparisons follow the ring). start_at is microseconds since the Unix epoch, UTC.
-- version comes from a single counter row, so a removed and re-created reminder never reuses an ETag.
CREATE TABLE IF NOT EXISTS grain_reminders (
    service_id    TEXT    NOT NULL,
    grain_id      TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    grain_hash    INTEGER NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
    start_at      INTEGER NOT NULL,
    period_ms     INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS grain_reminders_by_hash ON grain_reminders (service_id, grain_hash);

CREATE TABLE IF NOT EXISTS grain_reminders_version (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    last INTEGER NOT NULL
);

INSERT OR IGNORE INTO grain_reminders_version (id, last) VALUES (1, 0);
