using ParkingGrains.GateAgent.Devices;
using static ParkingGrains.GateAgent.Devices.BarrierCause;
using static ParkingGrains.GateAgent.Devices.BarrierState;

namespace ParkingGrains.GateAgent.Tests.Devices;

public sealed class BarrierStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly BarrierOptions Options = new() { ClearDelay = TimeSpan.FromSeconds(2) };
    private static readonly TimeSpan OpenTime = TimeSpan.FromSeconds(10);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static (BarrierState, BarrierState, BarrierCause)[] Moves(IReadOnlyList<BarrierTransition> transitions) =>
        [.. transitions.Select(t => (t.From, t.To, t.Cause))];

    /// <summary>Opened at 0, up at 1 (open until 11).</summary>
    private static BarrierStateMachine OpenMachine()
    {
        var m = new BarrierStateMachine(Options);
        m.Open(OpenTime, At(0));
        m.MotionComplete(BarrierPosition.Up, At(1));
        return m;
    }

    [Fact]
    public void A_full_cycle_reports_every_transition_with_its_cause_and_time()
    {
        var m = new BarrierStateMachine(Options);

        Assert.Equal([(Closed, Opening, OpenCommand)], Moves(m.Open(OpenTime, At(0))));
        Assert.Equal([(Opening, Open, MotionComplete)], Moves(m.MotionComplete(BarrierPosition.Up, At(1))));
        Assert.Equal(At(11), m.NextDeadline);
        Assert.Empty(m.Tick(At(10.9)));
        var closing = m.Tick(At(11));
        Assert.Equal([(Open, Closing, OpenTimerExpired)], Moves(closing));
        Assert.Equal(At(11), closing[0].At);
        Assert.Equal([(Closing, Closed, MotionComplete)], Moves(m.MotionComplete(BarrierPosition.Down, At(12))));
        Assert.Null(m.NextDeadline);
    }

    [Fact]
    public void The_open_timer_expiring_over_a_vehicle_waits_until_clear_then_the_clear_delay()
    {
        var m = OpenMachine();
        m.VehicleArrived(At(5));

        Assert.Empty(m.Tick(At(11)));
        Assert.Empty(m.Tick(At(500)));
        Assert.Equal(Open, m.State);
        Assert.True(m.ClosePending);
        Assert.Null(m.NextDeadline);

        Assert.Empty(m.VehicleCleared(At(600)));
        Assert.Equal(At(602), m.NextDeadline);
        Assert.Empty(m.Tick(At(601.9)));
        Assert.Equal([(Open, Closing, VehicleCleared)], Moves(m.Tick(At(602))));
    }

    [Fact]
    public void A_close_command_over_a_vehicle_waits_until_clear()
    {
        var m = OpenMachine();
        m.VehicleArrived(At(2));

        Assert.Empty(m.Close(At(3)));
        Assert.Equal(Open, m.State);
        m.VehicleCleared(At(4));
        Assert.Empty(m.Tick(At(5)));
        Assert.Equal([(Open, Closing, VehicleCleared)], Moves(m.Tick(At(6))));
    }

    [Fact]
    public void A_close_command_with_the_loop_clear_closes_at_once()
    {
        var m = OpenMachine();

        Assert.Equal([(Open, Closing, CloseCommand)], Moves(m.Close(At(3))));
    }

    [Fact]
    public void A_close_command_right_after_a_vehicle_left_still_waits_for_the_clear_delay()
    {
        var m = OpenMachine();
        m.VehicleArrived(At(2));
        m.VehicleCleared(At(3));

        Assert.Empty(m.Close(At(4)));
        Assert.Equal(At(5), m.NextDeadline);
        Assert.Equal([(Open, Closing, CloseCommand)], Moves(m.Tick(At(5))));
    }

    [Fact]
    public void A_vehicle_coming_back_during_the_clear_delay_keeps_the_barrier_open()
    {
        var m = OpenMachine();
        m.VehicleArrived(At(5));
        m.Tick(At(11));
        m.VehicleCleared(At(12));
        m.VehicleArrived(At(13));

        Assert.Empty(m.Tick(At(14)));
        Assert.Empty(m.Tick(At(100)));
        m.VehicleCleared(At(101));
        Assert.Equal([(Open, Closing, VehicleCleared)], Moves(m.Tick(At(103))));
    }

    [Fact]
    public void A_vehicle_entering_the_loop_while_closing_reverses_and_closes_again_once_clear()
    {
        var m = OpenMachine();
        m.Tick(At(11));
        Assert.Equal(Closing, m.State);

        Assert.Equal([(Closing, Opening, VehiclePresent)], Moves(m.VehicleArrived(At(11.5))));
        Assert.Empty(m.MotionComplete(BarrierPosition.Down, At(12))); // the stale "down" of the reversed motion
        Assert.Equal(Opening, m.State);
        Assert.Equal([(Opening, Open, MotionComplete)], Moves(m.MotionComplete(BarrierPosition.Up, At(12.5))));
        Assert.Empty(m.Tick(At(60)));
        m.VehicleCleared(At(61));
        Assert.Equal([(Open, Closing, VehicleCleared)], Moves(m.Tick(At(63))));
    }

    [Fact]
    public void Another_open_extends_and_cancels_a_pending_close()
    {
        var m = OpenMachine();
        m.Open(TimeSpan.FromSeconds(30), At(5));
        Assert.Equal(At(35), m.NextDeadline);
        Assert.Empty(m.Tick(At(11)));

        m.Open(TimeSpan.FromSeconds(1), At(6)); // never shortens
        Assert.Equal(At(35), m.NextDeadline);

        m.VehicleArrived(At(7));
        m.Close(At(8));
        Assert.True(m.ClosePending);
        m.Open(OpenTime, At(9));
        Assert.False(m.ClosePending);
    }

    [Fact]
    public void Held_open_ignores_the_timer_until_released()
    {
        var m = OpenMachine();

        Assert.Equal([(Open, HeldOpen, HoldOpenCommand)], Moves(m.HoldOpen(At(2))));
        Assert.Null(m.NextDeadline);
        Assert.Empty(m.Tick(At(3600)));
        Assert.Equal(HeldOpen, m.State);

        Assert.Equal([(HeldOpen, Open, ReleaseCommand), (Open, Closing, OpenTimerExpired)], Moves(m.Release(At(3601))));
    }

    [Fact]
    public void Hold_open_from_closed_opens_and_holds()
    {
        var m = new BarrierStateMachine(Options);

        Assert.Equal([(Closed, Opening, HoldOpenCommand)], Moves(m.HoldOpen(At(0))));
        Assert.Equal([(Opening, HeldOpen, MotionComplete)], Moves(m.MotionComplete(BarrierPosition.Up, At(1))));
        Assert.Empty(m.Tick(At(1000)));
        Assert.Equal([(HeldOpen, Open, ReleaseCommand), (Open, Closing, OpenTimerExpired)], Moves(m.Release(At(1001))));
    }

    [Fact]
    public void Release_before_the_open_time_is_up_lets_the_timer_close()
    {
        var m = OpenMachine();
        m.HoldOpen(At(2));

        Assert.Equal([(HeldOpen, Open, ReleaseCommand)], Moves(m.Release(At(3))));
        Assert.Equal(At(11), m.NextDeadline);
    }

    [Fact]
    public void Close_ends_a_hold()
    {
        var m = OpenMachine();
        m.HoldOpen(At(2));

        Assert.Equal([(HeldOpen, Open, CloseCommand), (Open, Closing, CloseCommand)], Moves(m.Close(At(3))));
    }

    [Fact]
    public void A_close_asked_for_while_opening_happens_when_the_boom_is_up()
    {
        var m = new BarrierStateMachine(Options);
        m.Open(OpenTime, At(0));

        Assert.Empty(m.Close(At(0.5)));
        Assert.Equal([(Opening, Open, MotionComplete), (Open, Closing, CloseCommand)], Moves(m.MotionComplete(BarrierPosition.Up, At(1))));
    }

    [Fact]
    public void Open_while_closing_reverses()
    {
        var m = OpenMachine();
        m.Close(At(2));

        Assert.Equal([(Closing, Opening, OpenCommand)], Moves(m.Open(OpenTime, At(2.5))));
    }

    [Fact]
    public void Signals_that_do_not_fit_the_state_are_ignored()
    {
        var m = new BarrierStateMachine(Options);

        Assert.Empty(m.MotionComplete(BarrierPosition.Up, At(0)));
        Assert.Empty(m.Close(At(0)));
        Assert.Empty(m.Release(At(0)));
        Assert.Equal(Closed, m.State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void An_open_time_out_of_range_is_refused(int seconds)
    {
        var m = new BarrierStateMachine(Options);

        Assert.Throws<ArgumentOutOfRangeException>(() => m.Open(TimeSpan.FromSeconds(seconds), At(0)));
    }

    public static TheoryData<string> ClosingPaths => ["close command", "close while opening", "close while held", "open timer", "release after the time", "reversal"];

    /// <summary>Every way the barrier could come down, with a vehicle on the loop: it stays up for as long as the vehicle does.</summary>
    [Theory]
    [MemberData(nameof(ClosingPaths))]
    public void It_never_closes_on_a_present_vehicle(string path)
    {
        var m = new BarrierStateMachine(Options);
        var transitions = new List<BarrierTransition>();
        transitions.AddRange(m.Open(OpenTime, At(0)));
        switch (path)
        {
            case "close command":
                transitions.AddRange(m.MotionComplete(BarrierPosition.Up, At(1)));
                transitions.AddRange(m.VehicleArrived(At(2)));
                transitions.AddRange(m.Close(At(3)));
                break;
            case "close while opening":
                transitions.AddRange(m.VehicleArrived(At(0.5)));
                transitions.AddRange(m.Close(At(0.6)));
                transitions.AddRange(m.MotionComplete(BarrierPosition.Up, At(1)));
                break;
            case "close while held":
                transitions.AddRange(m.MotionComplete(BarrierPosition.Up, At(1)));
                transitions.AddRange(m.HoldOpen(At(2)));
                transitions.AddRange(m.VehicleArrived(At(3)));
                transitions.AddRange(m.Close(At(4)));
                break;
            case "open timer":
                transitions.AddRange(m.MotionComplete(BarrierPosition.Up, At(1)));
                transitions.AddRange(m.VehicleArrived(At(2)));
                break;
            case "release after the time":
                transitions.AddRange(m.MotionComplete(BarrierPosition.Up, At(1)));
                transitions.AddRange(m.HoldOpen(At(2)));
                transitions.AddRange(m.VehicleArrived(At(3)));
                transitions.AddRange(m.Release(At(20)));
                break;
            case "reversal":
                transitions.AddRange(m.MotionComplete(BarrierPosition.Up, At(1)));
                transitions.AddRange(m.Tick(At(11)));
                transitions.AddRange(m.VehicleArrived(At(11.2)));
                transitions.AddRange(m.MotionComplete(BarrierPosition.Up, At(12)));
                break;
        }

        for (var s = 12; s < 4000; s += 7)
        {
            transitions.AddRange(m.Tick(At(s)));
        }

        Assert.True(m.VehiclePresent);
        Assert.NotEqual(Closing, m.State);
        Assert.NotEqual(Closed, m.State);
        Assert.DoesNotContain(transitions, t => t.To == Closing && t.At >= At(3) && path != "reversal");

        m.VehicleCleared(At(4000));
        var after = m.Release(At(4000)).Concat(m.Tick(At(4002))).ToArray();
        Assert.Contains(after, t => t.To == Closing && t.At == At(4002));
    }

    /// <summary>
    /// Random inputs in random order at random times, many times over: a transition to Closing never happens while a
    /// vehicle is on the loop (the machine also refuses it internally), and states only follow the allowed edges.
    /// </summary>
    [Fact]
    public void Random_input_sequences_never_close_on_a_vehicle()
    {
        var allowed = new HashSet<(BarrierState, BarrierState)>
        {
            (Closed, Opening), (Opening, Open), (Opening, HeldOpen), (Open, Closing), (Open, HeldOpen), (HeldOpen, Open),
            (Closing, Closed), (Closing, Opening),
        };
        var random = new Random(10);
        var closings = 0;
        for (var run = 0; run < 500; run++)
        {
            var m = new BarrierStateMachine(Options);
            var now = T0;
            for (var step = 0; step < 60; step++)
            {
                now = now.AddMilliseconds(random.Next(0, 4000));
                var present = m.VehiclePresent;
                IReadOnlyList<BarrierTransition> transitions = random.Next(9) switch
                {
                    0 => m.Open(TimeSpan.FromSeconds(random.Next(1, 20)), now),
                    1 => m.Close(now),
                    2 => m.HoldOpen(now),
                    3 => m.Release(now),
                    4 => m.MotionComplete(random.Next(2) == 0 ? BarrierPosition.Up : BarrierPosition.Down, now),
                    5 => m.VehicleArrived(now),
                    6 => m.VehicleCleared(now),
                    _ => m.Tick(now),
                };
                foreach (var t in transitions)
                {
                    Assert.Contains((t.From, t.To), allowed);
                    if (t.To == Closing)
                    {
                        closings++;
                        Assert.False(m.VehiclePresent && present, "closed on a present vehicle");
                        Assert.False(m.VehiclePresent, "closed on a present vehicle");
                    }
                }

                Assert.False(m.State == Closing && m.VehiclePresent, "closing with a vehicle on the loop");
            }
        }

        Assert.True(closings > 100, "the random runs must reach Closing often enough to mean something");
    }
}
