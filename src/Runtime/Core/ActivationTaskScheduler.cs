using System.Collections.Concurrent;

namespace ParkingGrains.Runtime.Core;

/// <summary>
/// Runs one activation's tasks one at a time, in order. Grain code awaits with this scheduler as
/// TaskScheduler.Current, so every continuation returns here: a grain never runs on two threads at once, which is
/// what lets grains replace locks. Work is drained in short batches on the thread pool.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    private const int MaxTasksPerDrain = 64;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_running;

    private readonly ConcurrentQueue<Task> _queue = new();
    private int _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    public static bool IsRunningOn(ActivationTaskScheduler scheduler) => ReferenceEquals(t_running, scheduler);

    void IThreadPoolWorkItem.Execute()
    {
        t_running = this;
        try
        {
            for (var i = 0; i < MaxTasksPerDrain && _queue.TryDequeue(out var task); i++)
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            t_running = null;
            Volatile.Write(ref _scheduled, 0);
            if (!_queue.IsEmpty)
            {
                ScheduleDrain();
            }
        }
    }

    protected override void QueueTask(Task task)
    {
        _queue.Enqueue(task);
        ScheduleDrain();
    }

    // Inline only when already draining this activation: that keeps one-at-a-time and saves a hop.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && ReferenceEquals(t_running, this) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void ScheduleDrain()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
