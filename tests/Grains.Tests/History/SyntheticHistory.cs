using Microsoft.Data.Sqlite;
using Npgsql;

namespace ParkingGrains.Grains.Tests.History;

/// <summary>
/// A month of history for 10 lots written straight into event_log with one INSERT … SELECT: per lot 3,300 stays
/// (one every 13 minutes, 15–314 minutes long), each an entry, a payment 5 minutes before leaving and an exit — every
/// 50th stay is force-closed instead (its middle event is a denied exit, not a payment). 99,000 rows plus one
/// LotConfigured per lot (Asia/Ho_Chi_Minh, VND). Payloads have the shape and size of the real ones.
/// </summary>
public static class SyntheticHistory
{
    public const int Lots = 10;
    public const int StaysPerLot = 3300;
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>Local midnight of 1 June 2026 in Ho Chi Minh City (UTC+7, no DST).</summary>
    public static readonly DateTimeOffset MonthStart = new(2026, 5, 31, 17, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset MonthEnd = MonthStart.AddDays(30);

    /// <summary>Every stay as the SQL below generates it, in minutes from <see cref="MonthStart"/>, to work out expected totals.</summary>
    public static IEnumerable<(string Lot, bool Forced, int Entry, int Leave, decimal Amount)> Stays() =>
        from l in Enumerable.Range(1, Lots)
        from s in Enumerable.Range(0, StaysPerLot)
        let minutes = 15 + (((s * 37) + (l * 11)) % 300)
        let entry = (s * 13) + l
        select ($"lot-{l}", s % 50 == 49, entry, entry + minutes,
            (s + l) % 4 == 0 ? 5000m * (1 + (minutes / 240)) : 25000m * (1 + (minutes / 120)));

    public static async Task InsertPostgreSqlAsync(string connectionString, string serviceId)
    {
        const string sql = """
            INSERT INTO event_log (service_id, grain_type, grain_key, stream, version, kind, occurred_at, payload)
            SELECT $1, 'lot', 'lot-' || l, 'lot', 1, 'LotConfigured', $2::timestamptz - interval '30 days',
                   jsonb_build_object('$type', 'lotConfigured', 'occurredAt', $2::timestamptz - interval '30 days',
                       'layout', jsonb_build_object('lotId', 'lot-' || l, 'name', 'Lot ' || l, 'timeZoneId', $3::text, 'currency', 'VND',
                           'floors', '[]'::jsonb, 'gates', '[]'::jsonb, 'slots', '[]'::jsonb))
            FROM generate_series(1, 10) AS l
            UNION ALL
            SELECT $1, 'lot', v.lot, 'lot', 1 + v.s * 3 + k,
                   CASE k WHEN 1 THEN 'VehicleEntered'
                          WHEN 2 THEN CASE WHEN v.forced THEN 'ExitDenied' ELSE 'PaymentRecorded' END
                          ELSE CASE WHEN v.forced THEN 'SessionForceClosed' ELSE 'VehicleExited' END END,
                   CASE k WHEN 1 THEN v.entry WHEN 2 THEN w.leave - interval '5 minutes' ELSE w.leave END,
                   CASE k
                     WHEN 1 THEN jsonb_build_object('$type', 'vehicleEntered', 'eventId', v.session_id || '-in', 'sessionId', v.session_id,
                         'ticket', v.ticket, 'gateId', v.lot || '-in', 'plate', v.plate, 'cardId', null, 'vehicleClass', v.class,
                         'slotId', v.slot, 'subscriber', false, 'flagged', false, 'reservationId', null, 'occurredAt', v.entry,
                         'decision', jsonb_build_object('eventId', v.session_id || '-in', 'allowed', true, 'reason', null, 'reasonText', null,
                             'sessionId', v.session_id, 'ticket', v.ticket, 'flagged', false,
                             'slot', jsonb_build_object('slotId', v.slot, 'number', upper(v.slot), 'size', v.class, 'floorId', 'G', 'floorName', 'Ground',
                                 'directions', 'Go to Ground, slot ' || upper(v.slot) || ', about 40 m from this gate.'),
                             'freeCounts', jsonb_build_object('bus', 0, 'car', 250, 'van', 0, 'motorcycle', 50)))
                     WHEN 2 THEN CASE WHEN v.forced
                       THEN jsonb_build_object('$type', 'exitDenied', 'eventId', v.session_id || '-try', 'sessionId', v.session_id,
                           'gateId', v.lot || '-out', 'reason', 'paymentRequired', 'occurredAt', w.leave - interval '5 minutes')
                       ELSE jsonb_build_object('$type', 'paymentRecorded', 'eventId', v.session_id || '-pay', 'sessionId', v.session_id,
                           'vehicleClass', v.class, 'amount', jsonb_build_object('amount', w.amount, 'currency', 'VND'), 'method', v.method,
                           'reference', null, 'freeExitUntil', w.leave + interval '10 minutes', 'occurredAt', w.leave - interval '5 minutes',
                           'result', jsonb_build_object('eventId', v.session_id || '-pay', 'accepted', true, 'sessionId', v.session_id,
                               'amountPaid', jsonb_build_object('amount', w.amount, 'currency', 'VND'),
                               'amountDue', jsonb_build_object('amount', 0, 'currency', 'VND'))) END
                     ELSE CASE WHEN v.forced
                       THEN jsonb_build_object('$type', 'sessionForceClosed', 'eventId', v.session_id || '-force', 'sessionId', v.session_id,
                           'slotId', v.slot, 'vehicleClass', v.class, 'operator', 'op-1', 'reason', 'emergency', 'occurredAt', w.leave)
                       ELSE jsonb_build_object('$type', 'vehicleExited', 'eventId', v.session_id || '-out', 'sessionId', v.session_id,
                           'gateId', v.lot || '-out', 'slotId', v.slot, 'vehicleClass', v.class, 'lostTicket', false, 'occurredAt', w.leave,
                           'fee', jsonb_build_object('amount', w.amount, 'currency', 'VND'),
                           'amountPaid', jsonb_build_object('amount', w.amount, 'currency', 'VND')) END
                   END
            FROM generate_series(1, 10) AS l
            CROSS JOIN generate_series(0, 3299) AS s
            CROSS JOIN LATERAL (SELECT 'lot-' || l AS lot, s, s % 50 = 49 AS forced,
                    15 + (s * 37 + l * 11) % 300 AS minutes,
                    CASE WHEN (s + l) % 4 = 0 THEN 'motorcycle' ELSE 'car' END AS class,
                    (ARRAY['cash', 'card', 'manualTransfer', 'vietQr'])[1 + (s * 7 + l) % 4] AS method,
                    'lot-' || l || ':T' || lpad(s::text, 6, '0') AS session_id, 'T' || lpad(s::text, 6, '0') AS ticket,
                    '51F-' || lpad(((s * 7919 + l) % 100000)::text, 5, '0') AS plate, 'c' || (1 + s % 300) AS slot,
                    $2::timestamptz + make_interval(mins => s * 13 + l) AS entry) AS v
            CROSS JOIN LATERAL (SELECT v.entry + make_interval(mins => v.minutes) AS leave,
                    CASE WHEN v.class = 'car' THEN 25000 * (1 + v.minutes / 120) ELSE 5000 * (1 + v.minutes / 240) END AS amount) AS w
            CROSS JOIN generate_series(1, 3) AS k
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = MonthStart });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = TimeZoneId });
        Assert.Equal((Lots * StaysPerLot * 3) + Lots, await command.ExecuteNonQueryAsync());
    }

    public static async Task InsertSqliteAsync(string connectionString, string serviceId)
    {
        // The same rows as above; occurred_at in the log's fixed-width text form.
        const string sql = """
            WITH RECURSIVE lots(l) AS (SELECT 1 UNION ALL SELECT l + 1 FROM lots WHERE l < 10),
            stays(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM stays WHERE s < 3299),
            ks(k) AS (VALUES (1), (2), (3)),
            v AS (SELECT 'lot-' || l AS lot, s, s % 50 = 49 AS forced, 15 + (s * 37 + l * 11) % 300 AS minutes,
                    CASE WHEN (s + l) % 4 = 0 THEN 'motorcycle' ELSE 'car' END AS class,
                    CASE (s * 7 + l) % 4 WHEN 0 THEN 'cash' WHEN 1 THEN 'card' WHEN 2 THEN 'manualTransfer' ELSE 'vietQr' END AS method,
                    'lot-' || l || ':T' || printf('%06d', s) AS session_id, 'T' || printf('%06d', s) AS ticket,
                    '51F-' || printf('%05d', (s * 7919 + l) % 100000) AS plate, 'c' || (1 + s % 300) AS slot,
                    datetime($start, '+' || (s * 13 + l) || ' minutes') AS entry
                  FROM lots CROSS JOIN stays),
            w AS (SELECT v.*, datetime(entry, '+' || minutes || ' minutes') AS leave,
                    CASE WHEN class = 'car' THEN 25000 * (1 + minutes / 120) ELSE 5000 * (1 + minutes / 240) END AS amount FROM v)
            INSERT INTO event_log (service_id, grain_type, grain_key, stream, version, kind, occurred_at, payload)
            SELECT $service, 'lot', 'lot-' || l, 'lot', 1, 'LotConfigured', strftime('%Y-%m-%dT%H:%M:%S.000000Z', $start, '-30 days'),
                   json_object('$type', 'lotConfigured', 'layout', json_object('lotId', 'lot-' || l, 'name', 'Lot ' || l, 'timeZoneId', $zone,
                       'currency', 'VND', 'floors', json_array(), 'gates', json_array(), 'slots', json_array()))
            FROM lots
            UNION ALL
            SELECT $service, 'lot', lot, 'lot', 1 + s * 3 + k,
                   CASE k WHEN 1 THEN 'VehicleEntered'
                          WHEN 2 THEN CASE WHEN forced THEN 'ExitDenied' ELSE 'PaymentRecorded' END
                          ELSE CASE WHEN forced THEN 'SessionForceClosed' ELSE 'VehicleExited' END END,
                   strftime('%Y-%m-%dT%H:%M:%S.000000Z', CASE k WHEN 1 THEN entry WHEN 2 THEN datetime(leave, '-5 minutes') ELSE leave END),
                   CASE k
                     WHEN 1 THEN json_object('$type', 'vehicleEntered', 'eventId', session_id || '-in', 'sessionId', session_id,
                         'ticket', ticket, 'gateId', lot || '-in', 'plate', plate, 'cardId', NULL, 'vehicleClass', class,
                         'slotId', slot, 'subscriber', json('false'), 'flagged', json('false'), 'reservationId', NULL, 'occurredAt', entry,
                         'decision', json_object('eventId', session_id || '-in', 'allowed', json('true'), 'reason', NULL, 'reasonText', NULL,
                             'sessionId', session_id, 'ticket', ticket, 'flagged', json('false'),
                             'slot', json_object('slotId', slot, 'number', upper(slot), 'size', class, 'floorId', 'G', 'floorName', 'Ground',
                                 'directions', 'Go to Ground, slot ' || upper(slot) || ', about 40 m from this gate.'),
                             'freeCounts', json_object('bus', 0, 'car', 250, 'van', 0, 'motorcycle', 50)))
                     WHEN 2 THEN CASE WHEN forced
                       THEN json_object('$type', 'exitDenied', 'eventId', session_id || '-try', 'sessionId', session_id,
                           'gateId', lot || '-out', 'reason', 'paymentRequired')
                       ELSE json_object('$type', 'paymentRecorded', 'eventId', session_id || '-pay', 'sessionId', session_id,
                           'vehicleClass', class, 'amount', json_object('amount', amount, 'currency', 'VND'), 'method', method,
                           'reference', NULL, 'freeExitUntil', datetime(leave, '+10 minutes'),
                           'result', json_object('eventId', session_id || '-pay', 'accepted', json('true'), 'sessionId', session_id,
                               'amountPaid', json_object('amount', amount, 'currency', 'VND'),
                               'amountDue', json_object('amount', 0, 'currency', 'VND'))) END
                     ELSE CASE WHEN forced
                       THEN json_object('$type', 'sessionForceClosed', 'eventId', session_id || '-force', 'sessionId', session_id,
                           'slotId', slot, 'vehicleClass', class, 'operator', 'op-1', 'reason', 'emergency')
                       ELSE json_object('$type', 'vehicleExited', 'eventId', session_id || '-out', 'sessionId', session_id,
                           'gateId', lot || '-out', 'slotId', slot, 'vehicleClass', class, 'lostTicket', json('false'),
                           'fee', json_object('amount', amount, 'currency', 'VND'),
                           'amountPaid', json_object('amount', amount, 'currency', 'VND')) END
                   END
            FROM w CROSS JOIN ks
            """;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.AddWithValue("$start", MonthStart.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$zone", TimeZoneId);
        Assert.Equal((Lots * StaysPerLot * 3) + Lots, await command.ExecuteNonQueryAsync());
        await transaction.CommitAsync();
    }
}
