using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace ConflictTracker.Testing;

/// <summary>
/// A PostgreSQL cluster of a test's own, for tests that stop and start the server (the shared one
/// of scripts/test.sh serves other tests at the same time). Debian's server binaries in a temporary
/// folder, on a free port of 127.0.0.1, as scripts/lib/postgres.sh does it: as root the server runs
/// as the postgres OS user, because PostgreSQL refuses to run as root. Durable (fsync on), so a
/// hard stop loses nothing that was committed.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string bin;
    private readonly string folder;
    private readonly string password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private readonly bool asRoot = Environment.UserName == "root";

    private PostgresCluster(string bin, string folder, int port)
    {
        this.bin = bin;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string Data => Path.Combine(folder, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = password,
            Database = database,
        }.ConnectionString;

    /// <summary>Initialises a new cluster and starts it.</summary>
    public static async Task<PostgresCluster> StartNewAsync()
    {
        var bin =
            Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured ? configured
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory
                    .GetDirectories("/usr/lib/postgresql")
                    .Select(v => Path.Combine(v, "bin"))
                    .Where(Directory.Exists)
                    .OrderBy(v =>
                        Version.TryParse(Path.GetFileName(Path.GetDirectoryName(v)), out var n) ? n : new Version()
                    )
                    .LastOrDefault()
            : null;
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException(
                "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (apt-get install postgresql, or set PG_BIN)."
            );
        }

        var folder = Path.Combine(Path.GetTempPath(), $"ct-cluster-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var cluster = new PostgresCluster(bin, folder, FreePort());
        try
        {
            await cluster.InitialiseAsync();
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public Task StartAsync() =>
        PgCtlAsync(
            "-l",
            Path.Combine(folder, "postgres.log"),
            "-w",
            "-t",
            "60",
            "-o",
            $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories='' -c fsync=on -c synchronous_commit=on",
            "start"
        );

    /// <summary>The honest crash: every server process is killed at once, nothing is flushed or said goodbye
    /// to.</summary>
    public Task StopImmediatelyAsync() => PgCtlAsync("-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                await PgCtlAsync("-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped: the folder goes anyway.
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private async Task InitialiseAsync()
    {
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        if (asRoot)
        {
            await RunAsync("chown", "-R", "postgres:postgres", folder);
        }

        await RunAsOwnerAsync(
            Path.Combine(bin, "initdb"),
            "-D",
            Data,
            "-U",
            "postgres",
            "--auth=scram-sha-256",
            $"--pwfile={passwordFile}",
            "-E",
            "UTF8",
            "--locale=C.UTF-8"
        );
    }

    private Task PgCtlAsync(params string[] arguments) =>
        RunAsOwnerAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, .. arguments]);

    private Task RunAsOwnerAsync(string program, params string[] arguments) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s."
            );
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}"
            );
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
