namespace ConflictTracker.Evidence.Tests.Storage;

/// <summary>
/// A sanity check that a large file is streamed: the managed heap's highest size, sampled every few
/// milliseconds while an operation runs, above what it was before. Holding a 50 MB file in memory shows as 50 MB
/// or more; streaming stays at buffers and uncollected garbage.
/// </summary>
internal static class HeapPeak
{
    public static async Task<long> GrowthDuringAsync(Func<Task> operation)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(2);
            }
        });
        try
        {
            await operation();
        }
        finally
        {
            await done.CancelAsync();
            await sampler;
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        }
        return peak - before;
    }
}
