-- The append-only event log: one row per event of a grain's stream, versions 1, 2, 3, ... without gaps. The rows are
-- also the system's history that reports query (entries, exits, payments, overrides, sensor changes, gate commands);
-- they are never updated or deleted by the runtime.
CREATE TABLE IF NOT EXISTS event_log (
    service_id  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    stream      text        NOT NULL,
    version     bigint      NOT NULL,
    kind        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    payload     jsonb       NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key, stream, version)
);

-- Reports: "events of these kinds of this grain type in [from, to)", bucketed by day or hour in the lot's time zone
-- (date_trunc('hour', occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')) and grouped by grain_key (the lot id for lot
-- streams). grain_key is carried in the index so per-lot filters and counts (entries/exits per lot per hour) are
-- answered from the index alone; payload (amounts) is fetched only for the rows in range.
CREATE INDEX IF NOT EXISTS event_log_report_ix
    ON event_log (service_id, grain_type, kind, occurred_at) INCLUDE (grain_key);
