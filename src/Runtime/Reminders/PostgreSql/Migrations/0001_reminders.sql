-- Durable reminders (the Orleans ADO.NET reminder design, simplified).
-- grain_hash is GrainId.GetUniformHashCode(), a uint widened to bigint (0..4294967295, never negative), so SQL
-- range comparisons order rows exactly as the ring does.
-- version comes from one sequence, so a reminder removed and re-created never gets an ETag it had before.
CREATE SEQUENCE IF NOT EXISTS grain_reminders_version_seq;

CREATE TABLE IF NOT EXISTS grain_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    bigint      NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
    start_at      timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       bigint      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS grain_reminders_by_hash ON grain_reminders (service_id, grain_hash);
