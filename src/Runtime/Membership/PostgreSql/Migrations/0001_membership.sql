-- Membership tables (the Orleans ADO.NET clustering design). Idempotent: run under pg_advisory_xact_lock by
-- PostgreSqlMembershipTable.InitializeAsync, because concurrent CREATE TABLE IF NOT EXISTS can still collide.

-- One row per cluster: every membership change bumps version and replaces etag, conditioned on the etag read.
CREATE TABLE IF NOT EXISTS parkinggrains_membership_version (
    cluster_id  text        NOT NULL PRIMARY KEY,
    version     integer     NOT NULL,
    etag        text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (endpoint + generation); a row is never reused by a later generation.
CREATE TABLE IF NOT EXISTS parkinggrains_membership_silos (
    cluster_id      text        NOT NULL REFERENCES parkinggrains_membership_version (cluster_id) ON DELETE CASCADE,
    silo_address    text        NOT NULL,
    status          text        NOT NULL,
    gateway_port    integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    suspect_times   jsonb       NOT NULL,
    etag            text        NOT NULL,
    PRIMARY KEY (cluster_id, silo_address)
);
