using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ParkingGrains.Runtime.Membership;

/// <summary>
/// One silo's side of the Orleans membership protocol. It joins the table (Joining, then Active), probes the next
/// <see cref="ClusterMembershipOptions.NumProbedSilos"/> active silos on the hash ring, writes suspect votes after
/// repeated misses and declares a silo dead once enough fresh votes agree, all through conditional table writes.
/// It keeps a <see cref="Current"/> snapshot from periodic reads and gossip, and completes <see cref="DeclaredDead"/>
/// when the cluster has declared this silo dead, after which the runtime must stop the silo.
/// </summary>
/// <remarks>
/// Loops never crash on table or transport errors: they log and try again next period. Writes are retried on
/// version conflicts, re-reading the table each time.
/// </remarks>
public sealed class MembershipAgent : IAsyncDisposable
{
    private readonly LocalSiloDetails _local;
    private readonly IMembershipTable _table;
    private readonly IClusterPeerChannel _peers;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _processLock = new(1, 1);
    private readonly TaskCompletionSource _declaredDead = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Owned by the probe loop only.
    private readonly Dictionary<SiloAddress, int> _missedProbes = [];

    private readonly Lock _stateLock = new();
    private AgentState _state = AgentState.Created;
    private Task _loops = Task.CompletedTask;
    private volatile MembershipTableData? _latest;
    private volatile ClusterMembershipSnapshot _current = ClusterMembershipSnapshot.Empty;

    public MembershipAgent(
        LocalSiloDetails localSilo,
        IMembershipTable table,
        IClusterPeerChannel peers,
        ClusterMembershipOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<MembershipAgent>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(localSilo);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(peers);
        _options = options ?? new ClusterMembershipOptions();
        _options.Validate();
        _local = localSilo;
        _table = table;
        _peers = peers;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<MembershipAgent>.Instance;
    }

    /// <summary>
    /// Raised on an agent thread, in table order, when a silo's status or the active set changed (not for version
    /// bumps that change neither, e.g. a suspect vote). Handlers must be quick and must not block on the agent.
    /// </summary>
    public event EventHandler<ClusterMembershipSnapshot>? MembershipChanged;

    private enum AgentState
    {
        Created,
        Joining,
        Active,
        Leaving,
        Stopped,
    }

    public SiloAddress SiloAddress => _local.SiloAddress;

    /// <summary>The latest membership view; <see cref="ClusterMembershipSnapshot.Empty"/> before joining.</summary>
    public ClusterMembershipSnapshot Current => _current;

    /// <summary>
    /// Completes when this silo read its own row as Dead (or gone) while it considered itself active: the cluster
    /// has excluded it, its loops are stopped, and the runtime must stop the silo. Never completes after a graceful
    /// <see cref="LeaveAsync"/> or <see cref="Abort"/>.
    /// </summary>
    public Task DeclaredDead => _declaredDead.Task;

    /// <summary>
    /// Inserts this silo as Joining, then marks it Active (each a conditional write, retried on version conflicts),
    /// starts the probe, refresh and IAmAlive loops and gossips. Throws <see cref="MembershipJoinRefusedException"/>
    /// if a row for this exact address exists already: a silo address never rejoins.
    /// </summary>
    public async Task JoinAsync(CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            if (_state != AgentState.Created)
            {
                throw new InvalidOperationException($"Silo {SiloAddress} membership agent is {_state}; JoinAsync can be called once.");
            }

            _state = AgentState.Joining;
        }

        // Abort() during a join cancels its back-off waits too.
        using var joining = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        try
        {
            await _table.InitializeAsync(joining.Token);
            await InsertJoiningAsync(joining.Token);
            await ActivateAsync(joining.Token);
        }
        catch
        {
            SetState(AgentState.Stopped);
            await _stop.CancelAsync();
            throw;
        }

        lock (_stateLock)
        {
            if (_state != AgentState.Joining)
            {
                // Aborted or disposed while joining: do not start loops.
                return;
            }

            _state = AgentState.Active;
        }

        _logger.LogInformation("Silo {Silo} joined the cluster as Active.", SiloAddress);
        // The silo is in the table now: from here on a table error must not fail the join, the loops catch up.
        await RefreshAsync(CancellationToken.None);
        var ct = _stop.Token;
        _loops = Task.WhenAll(
            RunPeriodicAsync("probe", _options.ProbePeriod, ProbeRoundAsync, ct),
            RunPeriodicAsync("table refresh", _options.TableRefreshPeriod, _ => RefreshCoreAsync(), ct),
            RunPeriodicAsync("IAmAlive", _options.IAmAlivePeriod, _ => UpdateIAmAliveAsync(), ct));
        GossipChange(exclude: null, ct);
        await RetireOlderGenerationsAsync(ct);
    }

    /// <summary>Reads the table now (call it when gossip arrives). Table errors are logged, not thrown.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (_state is AgentState.Created or AgentState.Stopped)
        {
            return;
        }

        try
        {
            await RefreshCoreAsync().WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Silo {Silo} could not read the membership table; the next refresh retries.", SiloAddress);
        }
    }

    /// <summary>
    /// Graceful shutdown: stops the loops, writes this silo ShuttingDown then Dead, and tells the others. The silo's
    /// address can never join again afterwards.
    /// </summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            if (_state != AgentState.Active)
            {
                if (_state is AgentState.Created or AgentState.Joining)
                {
                    _state = AgentState.Stopped;
                }

                return;
            }

            _state = AgentState.Leaving;
        }

        await StopLoopsAsync();
        try
        {
            await UpdateOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
            await UpdateOwnStatusAsync(SiloStatus.Dead, cancellationToken);
            _logger.LogInformation("Silo {Silo} left the cluster.", SiloAddress);
            var data = await _table.ReadAllAsync();
            await ProcessTableAsync(data);
            await GossipAsync(data, exclude: null, cancellationToken);
        }
        finally
        {
            SetState(AgentState.Stopped);
        }
    }

    /// <summary>Stops every loop without writing anything, as if the process crashed (for in-process tests).</summary>
    public void Abort()
    {
        SetState(AgentState.Stopped);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing runs.
        }
    }

    /// <summary>Stops the loops and waits for them; writes nothing (call <see cref="LeaveAsync"/> first to leave gracefully).</summary>
    public async ValueTask DisposeAsync()
    {
        Abort();
        await _loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task InsertJoiningAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var data = await _table.ReadAllAsync();
            if (data.Find(SiloAddress) is { } existing)
            {
                throw new MembershipJoinRefusedException(SiloAddress, existing.Entry.Status);
            }

            var now = _time.GetUtcNow();
            var entry = new MembershipEntry
            {
                SiloAddress = SiloAddress,
                Status = SiloStatus.Joining,
                GatewayPort = _local.GatewayPort,
                SiloName = _local.SiloName,
                HostName = _local.HostName,
                StartTime = now,
                IAmAliveTime = now,
            };
            if (await _table.InsertRowAsync(entry, data.Version.Next()))
            {
                return;
            }

            await BackOffAsync(attempt, ct);
        }
    }

    private async Task ActivateAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var data = await _table.ReadAllAsync();
            var row = data.Find(SiloAddress);
            if (row is null || row.Entry.Status == SiloStatus.Dead)
            {
                throw new MembershipJoinRefusedException(
                    $"Silo {SiloAddress} was declared dead (or removed) while joining; restart it with a new generation.");
            }

            var entry = row.Entry with { Status = SiloStatus.Active, IAmAliveTime = _time.GetUtcNow() };
            if (await _table.UpdateRowAsync(entry, row.ETag, data.Version.Next()))
            {
                return;
            }

            await BackOffAsync(attempt, ct);
        }
    }

    /// <summary>
    /// A silo restarted on the same endpoint proves its older generations are gone; declaring them dead now spares
    /// the cluster the probe timeouts (as Orleans does).
    /// </summary>
    private async Task RetireOlderGenerationsAsync(CancellationToken ct)
    {
        try
        {
            foreach (var row in _latest?.Rows ?? [])
            {
                var old = row.Entry.SiloAddress;
                if (old.Endpoint.Equals(SiloAddress.Endpoint) && old.Generation < SiloAddress.Generation
                    && row.Entry.Status != SiloStatus.Dead)
                {
                    _logger.LogWarning("Silo {Silo} declares its older generation {Old} dead.", SiloAddress, old);
                    await TryDeclareDeadAsync(old, unconditionally: true, ct);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Silo {Silo} could not retire its older generations; probes will find them.", SiloAddress);
        }
    }

    private async Task RunPeriodicAsync(string name, TimeSpan period, Func<CancellationToken, Task> body, CancellationToken ct)
    {
        // PeriodicTimer does not queue missed ticks: a round that overruns its period is followed by one prompt tick.
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await body(ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    _logger.LogWarning(e, "Silo {Silo} membership {Loop} round failed; retrying next period.", SiloAddress, name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task ProbeRoundAsync(CancellationToken ct)
    {
        if (_latest is not { } data || _state != AgentState.Active)
        {
            return;
        }

        var targets = SelectProbeTargets(data);
        foreach (var gone in _missedProbes.Keys.Except(targets).ToArray())
        {
            _missedProbes.Remove(gone);
        }

        var results = await Task.WhenAll(targets.Select(t => ProbeAsync(t, ct)));
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (results[i])
            {
                _missedProbes[target] = 0;
                continue;
            }

            var missed = _missedProbes[target] = _missedProbes.GetValueOrDefault(target) + 1;
            if (missed >= _options.NumMissedProbesLimit)
            {
                await TryDeclareDeadAsync(target, unconditionally: false, ct);
            }
        }
    }

    /// <summary>
    /// The next <see cref="ClusterMembershipOptions.NumProbedSilos"/> active silos after this one on a ring ordered
    /// by the silos' uniform hash: deterministic, and spread so every silo is probed by about as many as it probes.
    /// </summary>
    private List<SiloAddress> SelectProbeTargets(MembershipTableData data)
    {
        if (data.Find(SiloAddress)?.Entry.Status != SiloStatus.Active)
        {
            return [];
        }

        var ring = data.Rows
            .Where(r => r.Entry.Status == SiloStatus.Active)
            .Select(r => r.Entry.SiloAddress)
            .OrderBy(s => s.GetUniformHashCode())
            .ThenBy(s => s)
            .ToList();
        var self = ring.IndexOf(SiloAddress);
        var count = Math.Min(_options.NumProbedSilos, ring.Count - 1);
        var targets = new List<SiloAddress>(count);
        for (var i = 1; i <= count; i++)
        {
            targets.Add(ring[(self + i) % ring.Count]);
        }

        return targets;
    }

    private async Task<bool> ProbeAsync(SiloAddress target, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.ProbeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            // WaitAsync enforces the timeout even if the channel ignores its token.
            await _peers.ProbeAsync(target, _options.ProbeTimeout, linked.Token).WaitAsync(_options.ProbeTimeout, _time, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _logger.LogDebug("Silo {Silo} probe of {Target} missed: {Reason}", SiloAddress, target, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Adds this silo's vote against <paramref name="target"/> (dropping expired ones) and, when the fresh votes
    /// reach min(NumVotesForDeathDeclaration, active silos other than the target), declares it dead in the same
    /// conditional write. <paramref name="unconditionally"/> declares it dead at once (an older generation of us).
    /// </summary>
    private async Task TryDeclareDeadAsync(SiloAddress target, bool unconditionally, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= _options.MaxWriteAttempts; attempt++)
        {
            var data = await _table.ReadAllAsync();
            await ProcessTableAsync(data);
            if (_state != AgentState.Active || data.Find(SiloAddress)?.Entry.Status != SiloStatus.Active)
            {
                return; // Only an active member may accuse others.
            }

            var row = data.Find(target);
            if (row is null || row.Entry.Status == SiloStatus.Dead)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var votes = row.Entry.SuspectTimes
                .Where(v => !v.Voter.Equals(SiloAddress) && now - v.Time < _options.DeathVoteExpiration)
                .GroupBy(v => v.Voter)
                .Select(g => g.MaxBy(v => v.Time)!)
                .Append(new SuspectVote(SiloAddress, now))
                .ToList();
            var activeWithoutTarget = data.Rows.Count(r => r.Entry.Status == SiloStatus.Active && !r.Entry.SiloAddress.Equals(target));
            var needed = Math.Max(1, Math.Min(_options.NumVotesForDeathDeclaration, activeWithoutTarget));
            var declare = unconditionally || votes.Count >= needed;
            var entry = row.Entry with
            {
                SuspectTimes = votes,
                Status = declare ? SiloStatus.Dead : row.Entry.Status,
            };

            if (await _table.UpdateRowAsync(entry, row.ETag, data.Version.Next()))
            {
                if (declare)
                {
                    _logger.LogWarning(
                        "Silo {Silo} declared {Target} dead ({Votes} of {Needed} votes: {Voters}).",
                        SiloAddress, target, votes.Count, needed, string.Join(", ", votes.Select(v => v.Voter)));
                    _missedProbes.Remove(target);
                }
                else
                {
                    _logger.LogInformation("Silo {Silo} suspects {Target} ({Votes} of {Needed} votes).", SiloAddress, target, votes.Count, needed);
                }

                var after = await _table.ReadAllAsync();
                await ProcessTableAsync(after);
                await GossipAsync(after, exclude: target, ct);
                return;
            }

            // Someone else changed the table since our read: re-read and vote again on the new state.
        }

        _logger.LogWarning("Silo {Silo} could not record its vote against {Target}; retrying next probe round.", SiloAddress, target);
    }

    private async Task UpdateOwnStatusAsync(SiloStatus status, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var data = await _table.ReadAllAsync();
            var row = data.Find(SiloAddress);
            if (row is null || row.Entry.Status == SiloStatus.Dead)
            {
                return; // Already out of the cluster.
            }

            var entry = row.Entry with { Status = status, IAmAliveTime = _time.GetUtcNow() };
            if (await _table.UpdateRowAsync(entry, row.ETag, data.Version.Next()))
            {
                return;
            }

            if (attempt >= _options.MaxWriteAttempts)
            {
                throw new InvalidOperationException(
                    $"Silo {SiloAddress} could not write its status {status}: {attempt} conflicting table updates in a row.");
            }

            await BackOffAsync(attempt, ct);
        }
    }

    private async Task UpdateIAmAliveAsync()
    {
        if (_latest?.Find(SiloAddress)?.Entry is { } own)
        {
            await _table.UpdateIAmAliveAsync(own with { IAmAliveTime = _time.GetUtcNow() });
        }
    }

    private async Task RefreshCoreAsync() => await ProcessTableAsync(await _table.ReadAllAsync());

    private async Task ProcessTableAsync(MembershipTableData data)
    {
        await _processLock.WaitAsync();
        try
        {
            // Reads race each other; never let an older one overwrite a newer view.
            if (_latest is { } latest && data.Version.Version < latest.Version.Version)
            {
                return;
            }

            _latest = data;
            var previous = _current;
            var snapshot = ClusterMembershipSnapshot.From(data);
            _current = snapshot;

            if (_state == AgentState.Active)
            {
                var own = data.Find(SiloAddress);
                if (own is null || own.Entry.Status == SiloStatus.Dead)
                {
                    OnDeclaredDead(own is null ? "its row is gone" : "its row says Dead");
                }
            }

            if (!snapshot.HasSameMembership(previous))
            {
                RaiseMembershipChanged(snapshot);
            }
        }
        finally
        {
            _processLock.Release();
        }
    }

    private void RaiseMembershipChanged(ClusterMembershipSnapshot snapshot)
    {
        try
        {
            MembershipChanged?.Invoke(this, snapshot);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A MembershipChanged handler of silo {Silo} threw.", SiloAddress);
        }
    }

    private void OnDeclaredDead(string reason)
    {
        lock (_stateLock)
        {
            if (_state != AgentState.Active)
            {
                return;
            }

            _state = AgentState.Stopped;
        }

        _logger.LogError("Silo {Silo} was declared dead by the cluster ({Reason}); it must stop.", SiloAddress, reason);
        _stop.Cancel();
        _declaredDead.TrySetResult();
    }

    private void GossipChange(SiloAddress? exclude, CancellationToken ct)
    {
        if (_latest is { } data)
        {
            _ = GossipAsync(data, exclude, ct);
        }
    }

    private async Task GossipAsync(MembershipTableData data, SiloAddress? exclude, CancellationToken ct)
    {
        var targets = data.Rows
            .Select(r => r.Entry)
            .Where(e => e.Status is SiloStatus.Joining or SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            .Select(e => e.SiloAddress)
            .Where(s => !s.Equals(SiloAddress) && !s.Equals(exclude));
        await Task.WhenAll(targets.Select(async target =>
        {
            try
            {
                await _peers.GossipAsync(target, ct).WaitAsync(_options.GossipTimeout, _time, ct);
            }
            catch (Exception e)
            {
                // Best effort: the target's periodic refresh catches up anyway.
                _logger.LogDebug("Silo {Silo} could not gossip to {Target}: {Reason}", SiloAddress, target, e.Message);
            }
        }));
    }

    private async Task StopLoopsAsync()
    {
        await _stop.CancelAsync();
        await _loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void SetState(AgentState state)
    {
        lock (_stateLock)
        {
            _state = state;
        }
    }

    private Task BackOffAsync(int attempt, CancellationToken ct)
    {
        // Randomised so silos that conflicted once do not keep colliding.
        var ms = Random.Shared.Next(10, 50) * Math.Min(attempt, 10);
        return Task.Delay(TimeSpan.FromMilliseconds(ms), _time, ct);
    }
}
