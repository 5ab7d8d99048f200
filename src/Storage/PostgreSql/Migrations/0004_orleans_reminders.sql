-- Reminders (Microsoft.Orleans.Reminders.AdoNet): one row per (grain, reminder name) of a service. GrainId is the
-- grain id's string form; GrainHash is GrainId.GetUniformHashCode(), a uint the provider sends cast to a signed
-- integer; Period is in milliseconds; Version is the reminder's etag, 0 when first written.
CREATE TABLE IF NOT EXISTS OrleansRemindersTable (
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo periodically loads the reminders of its slice of the hash ring; without this that is a full scan.
CREATE INDEX IF NOT EXISTS OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Register or re-register; returns the new etag. @Period arrives as integer or bigint depending on its size.
('UpsertReminderRowKey', $sql$
INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
   SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period, GrainHash = EXCLUDED.GrainHash,
       Version = r.Version + 1
RETURNING Version
$sql$),

('ReadReminderRowsKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$sql$),

-- The ring range (@BeginHash, @EndHash]. The provider picks this key when begin < end compared as signed integers,
-- and ReadRangeRows2Key (the range wraps past the end) otherwise. Casting uint to int rotates the ring by 2^31 but
-- keeps its circular order, so these two signed tests cover exactly the unsigned range, and begin = end (one silo
-- owns the whole ring) falls to the second query and selects every row.
('ReadRangeRows1Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$sql$),

('ReadRangeRows2Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$sql$),

-- Unregister, only at the etag the caller holds. Returns 1 when deleted, 0 when the etag was stale or the row gone.
('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT count(*)::integer FROM deleted
$sql$),

-- Tooling and tests only: every reminder of the service.
('DeleteReminderRowsKey', $sql$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
