-- Grain state rows (the Orleans ADO.NET storage design, simplified). version is the ETag: it only ever grows,
-- and a cleared state keeps its row with payload NULL so a stale writer cannot resurrect it.
CREATE TABLE IF NOT EXISTS grain_state (
    service_id  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    payload     jsonb       NULL,
    version     bigint      NOT NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_key, state_name)
);
