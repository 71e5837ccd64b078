using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>What an external tool printed and how it ended.</summary>
internal sealed record ToolResult(int ExitCode, byte[] Output, string Errors)
{
    public string OutputText => Encoding.UTF8.GetString(Output);
}

/// <summary>The tool ran longer than allowed and was killed.</summary>
internal sealed class ToolTimeoutException(string tool, TimeSpan timeout)
    : TimeoutException($"{tool} ran longer than {timeout.TotalSeconds:0.#} s and was killed.");

/// <summary>
/// Runs ffprobe, ffmpeg and pdftoppm: arguments passed one by one (never through a shell), output read with a
/// cap, and the process (with its children) killed when it runs past its timeout or the caller cancels.
/// </summary>
internal static class ExternalTool
{
    /// <summary>The most a tool may print on standard output (a preview JPEG, ffprobe's JSON).</summary>
    public const int MaxOutputBytes = 32 * 1024 * 1024;

    private const int MaxErrorChars = 64 * 1024;

    public static async Task<ToolResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The tool '{tool}' could not be started ({e.Message}). Install it (ffmpeg, poppler-utils) "
                    + "or set its path in MediaLimits.",
                e
            );
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var output = ReadCappedAsync(process.StandardOutput.BaseStream, MaxOutputBytes);
        var errors = ReadErrorsAsync(process.StandardError);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            ct.ThrowIfCancellationRequested();
            throw new ToolTimeoutException(Path.GetFileName(tool), timeout);
        }

        var bytes =
            await output.ConfigureAwait(false)
            ?? throw new InvalidDataException($"{Path.GetFileName(tool)} printed more than {MaxOutputBytes} bytes.");
        return new ToolResult(process.ExitCode, bytes, await errors.ConfigureAwait(false));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the timeout and the kill.
        }
    }

    /// <summary>Reads everything (so the tool never blocks on a full pipe) but keeps at most
    /// <paramref name="cap"/> bytes: null when there was more.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, int cap)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var overflow = false;
        int read;
        while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            overflow |= buffer.Length + read > cap;
            if (!overflow)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return overflow ? null : buffer.ToArray();
    }

    private static async Task<string> ReadErrorsAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var chunk = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            // Keep the start, where the cause usually is; drain the rest.
            text.Append(chunk, 0, Math.Min(read, Math.Max(0, MaxErrorChars - text.Length)));
        }

        return text.ToString();
    }
}
