-- Grain storage (Microsoft.Orleans.Persistence.AdoNet): one row per grain state.
--
-- The provider computes every key value in .NET and sends it: the two hashes (Orleans' stable hash of the grain key
-- and of the state name, as signed integers), the key split into N0/N1 (Guid halves, or 0 and the integer key) plus
-- the extension or string key, and ServiceId. The database computes no hash. Note what the key does NOT hold: the
-- grain type. GrainTypeString is the state name of [PersistentState("name")], so two grain classes with the same
-- key and the same state name share one row: give each grain class's state its own name.
--
-- PayloadBinary is what the configured IGrainStorageSerializer produced; ours writes UTF-8 JSON, readable with
-- convert_from(PayloadBinary, 'UTF8')::jsonb. Version is the etag: it starts at 1 and moves by 1 on every write.
CREATE TABLE IF NOT EXISTS OrleansStorage (
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL
);

-- The natural key, unique, so that two activations of one grain (a split cluster) that both think the row is new
-- cannot both insert it: the second insert becomes a no-op and its caller gets InconsistentStateException. A
-- "WHERE NOT EXISTS" guard alone lets both through under READ COMMITTED. NULLS NOT DISTINCT (PostgreSQL 15+) because
-- the extension is NULL for plain Guid and integer keys. The hashes lead so lookups narrow on two integers first.
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Key ON OrleansStorage
    (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- The write and clear queries answer with the new version in NewGrainStateVersion. The provider reports a conflict
-- (InconsistentStateException) when that is missing, empty, or equal to the version it sent, so "no row returned"
-- is how each of them says "your etag is stale".
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- @GrainStateVersion NULL means the grain read no row: insert version 1 (a no-op if someone else inserted first).
-- Otherwise update only the row still at @GrainStateVersion. One statement, two mutually exclusive branches.
('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE OrleansStorage
       SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
     WHERE @GrainStateVersion IS NOT NULL
       AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
         PayloadBinary, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
           @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
       DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version FROM inserted
$sql$),

-- No row: the grain starts from a new state and a NULL etag. A cleared row (NULL payload) still gives its version,
-- so the next write is checked against it.
('ReadFromStorageKey', $sql$
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),

-- ClearStateAsync with DeleteStateOnClear = false: keep the row (and so the version sequence), drop the payload.
('ClearStorageKey', $sql$
UPDATE OrleansStorage
   SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
 WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion
$sql$),

-- ClearStateAsync with DeleteStateOnClear = true. Returns the deleted version + 1 only so that it differs from the
-- etag sent (the provider's success test); the provider then sets the grain's etag to NULL.
('DeleteStorageKey', $sql$
DELETE FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
