using System.Diagnostics;

namespace ConflictTracker.Evidence.Tests.Storage;

/// <summary>Finds node and npm on the PATH and runs them, failing with a message that says what to install.
/// </summary>
internal static class NodeTools
{
    public static string Find(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(
            Path.PathSeparator,
            StringSplitOptions.RemoveEmptyEntries
        );
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"The S3 storage tests need '{name}' on the PATH (Node.js 20 and npm: apt-get install nodejs npm) "
                    + "to run s3rver, the S3-compatible server in tests/tools/s3rver. PATH is: "
                    + string.Join(Path.PathSeparator, folders)
            );
    }

    public static async Task RunAsync(string program, string[] arguments, string folder)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} took over 5 minutes.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} in {folder} failed ({process.ExitCode}):\n"
                    + $"{await output}\n{await errors}"
            );
        }
    }
}
