using System.Diagnostics;
using System.Globalization;
using ConflictTracker.Evidence.Analysis;

namespace ConflictTracker.Evidence.Tests.Analysis;

public sealed class ExternalToolTests : IDisposable
{
    private readonly string pidFile = Path.GetTempFileName();

    [Fact]
    public async Task AToolPastItsTimeoutIsKilled()
    {
        var started = Stopwatch.StartNew();

        var run = () =>
            ExternalTool.RunAsync(
                "sh",
                ["-c", $"echo $$ > {pidFile}; exec sleep 30"],
                TimeSpan.FromMilliseconds(300),
                default
            );

        await run.Should().ThrowAsync<ToolTimeoutException>().WithMessage("sh ran longer than 0.3 s and was killed.");
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        IsRunning(int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture)).Should().BeFalse();
    }

    [Fact]
    public async Task AToolIsKilledWhenTheCallerCancels()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = () =>
            ExternalTool.RunAsync(
                "sh",
                ["-c", $"echo $$ > {pidFile}; exec sleep 30"],
                TimeSpan.FromMinutes(1),
                cancel.Token
            );

        await run.Should().ThrowAsync<OperationCanceledException>();
        IsRunning(int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture)).Should().BeFalse();
    }

    [Fact]
    public async Task ArgumentsReachTheToolAsTheyAreWithoutAShell()
    {
        var result = await ExternalTool.RunAsync(
            "printf",
            ["%s|", "a b", "$(echo no)", "; rm -rf /"],
            TimeSpan.FromSeconds(10),
            default
        );

        (result.ExitCode, result.OutputText).Should().Be((0, "a b|$(echo no)|; rm -rf /|"));
    }

    public void Dispose() => File.Delete(pidFile);

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
