-- Clustering (Microsoft.Orleans.Clustering.AdoNet): cluster membership. Silos and clients pass
-- ClusterOptions.ClusterId as @DeploymentId.

-- One row per cluster. Version is the optimistic-concurrency token of the whole membership table: every change to a
-- cluster's silo rows moves it by exactly one, and only when it still holds the value the writer read.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
    DeploymentId text        NOT NULL PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

-- One row per silo incarnation (address, port, generation). Status is Orleans' SiloStatus as a number (3 Active,
-- 6 Dead); SuspectTimes is Orleans' own "silo,time|silo,time" text. text rather than varchar(n): a long host or silo
-- name must not fail a silo's join.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
    DeploymentId text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- The conditional writes are single statements with data-modifying CTEs rather than functions: one statement is one
-- atomic unit, so "bump the version and change the row" either both happen or neither does, without savepoints.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Run by every silo at start. Returns 1 when this call created the cluster's version row, 0 when it already existed.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created
$sql$),

-- A joining silo adds its row. The version moves only if it still equals @Version and the row does not exist yet,
-- and the row is inserted only from the bumped version row, so a stale etag inserts nothing and returns 0. Two silos
-- racing on the same version serialise on the version row's lock; the loser re-checks Version and returns 0.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1, Timestamp = now()
     WHERE DeploymentId = @DeploymentId
       AND Version = @Version
       AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                        WHERE DeploymentId = @DeploymentId AND Address = @Address
                          AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped
    RETURNING 1
)
SELECT count(*)::integer FROM inserted
$sql$),

-- Status changes and suspicions. Same shape as the insert: the version moves only when it matches and the silo row
-- exists, and the row changes only through the bumped version row.
('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1, Timestamp = now()
     WHERE DeploymentId = @DeploymentId
       AND Version = @Version
       AND EXISTS (SELECT 1 FROM OrleansMembershipTable
                    WHERE DeploymentId = @DeploymentId AND Address = @Address
                      AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), updated AS (
    UPDATE OrleansMembershipTable m
       SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
      FROM bumped b
     WHERE m.DeploymentId = b.DeploymentId AND m.Address = @Address
       AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM updated
$sql$),

-- The heartbeat. Deliberately does not move the version: liveness is read from the time, not from the table version,
-- and bumping it every few seconds would make every other silo's next membership write fail and retry.
('UpdateIAmAlivetimeKey', $sql$
UPDATE OrleansMembershipTable
   SET IAmAliveTime = @IAmAliveTime
 WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$sql$),

-- One silo's row. The provider takes the table version from the first row and treats a row without StartTime as "no
-- such silo", so the version row is the driving side of an outer join and always comes back.
('MembershipReadRowKey', $sql$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT JOIN OrleansMembershipTable m
         ON m.DeploymentId = v.DeploymentId AND m.Address = @Address
        AND m.Port = @Port AND m.Generation = @Generation
 WHERE v.DeploymentId = @DeploymentId
$sql$),

-- The whole table, same columns and the same outer join (an empty cluster still returns its version).
('MembershipReadAllKey', $sql$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
 WHERE v.DeploymentId = @DeploymentId
$sql$),

-- What clients connect to: silos of @Status (the provider passes Active) that have a gateway.
('GatewaysQueryKey', $sql$
SELECT Address, ProxyPort, Generation
  FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$sql$),

-- Tooling and tests only: forget a cluster. One statement, so the foreign key is checked after both deletes.
('DeleteMembershipTableEntriesKey', $sql$
WITH silos AS (
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$sql$),

-- Periodic cleanup of rows of silos that stopped heart-beating before @IAmAliveTime. Anything but Active goes, not
-- only Dead: a silo that crashed while still Joining is never declared Dead by the others, and its row would stay.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
